"""Build the MOCI site tree from the organisation's texts (``seed/english/``,
``seed/resources.py``), with its Albanian translation (``seed/albanian/``).

Idempotent: what exists is found by its slug (pages) or key (snippets) and
left as editors made it; only what is missing is created. ``--update``
rewrites the seeded fields from the texts and publishes a new revision.
"""

import os
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import Translation

from home.models import HomePage
from mocisite.geo import Point
from mocisite.languages import synchronise_trees
from mocisite.models import Footer, NavigationMenu
from mocisite.roles import setup_roles, setup_translator_roles
from people.models import CommunityMapPage, OrganisationPage, PeopleIndexPage, Skill
from principles.models import PrinciplesPage
from projects.models import Partner, ProjectIndexPage, ProjectPage, Theme
from seed import english as content
from seed.albanian import CATALOGUE as ALBANIAN
from seed.resources import load_resources
from seed.translation import MissingTranslations, describe_report, translate_site

WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


def site_address(url):
    """{"hostname", "port"} of a Site at ``url`` ("http://127.0.0.1:8100"), or a CommandError."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
        raise CommandError(f"The site's address must look like http://127.0.0.1:8000, not {url!r}.")
    return {"hostname": parts.hostname, "port": port or (443 if parts.scheme == "https" else 80)}


class Command(BaseCommand):
    help = "Create the MOCI site (pages, snippets, roles and an admin user) from the organisation's texts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Rewrite seeded pages and snippets from the texts (editors' changes to them are replaced).",
        )
        parser.add_argument("--no-admin", action="store_true", help="Do not create or update the admin user.")
        parser.add_argument(
            "--site-url",
            default="",
            help=(
                "The site's own address, e.g. http://127.0.0.1:8100 (`make run` passes HOST and PORT): the Site "
                "record takes its host and port, which canonical, hreflang and sitemap links use. Without it a new "
                "site takes WAGTAILADMIN_BASE_URL and an existing one keeps its address."
            ),
        )

    def handle(self, *args, update=False, no_admin=False, site_url="", **options):
        self.update = update
        self.site_address = site_address(site_url) if site_url else None
        self.created = 0
        with transaction.atomic():
            setup_roles()
            self.locale = Locale.get_default()
            themes = self.load_snippets(Theme, content.THEMES)
            skills = self.load_snippets(Skill, content.SKILLS)
            partners = self.load_partners()
            home = self.load_home()
            principles = self.load_principles(home)
            projects_index = self.load_section(home, ProjectIndexPage, content.PROJECT_INDEX)
            for data in content.PROJECTS:
                self.load_project(projects_index, data, themes, partners)
            people_index = self.load_section(home, PeopleIndexPage, content.PEOPLE_INDEX)
            organisations = {
                data["slug"]: self.load_organisation(people_index, data, skills) for data in content.ORGANISATIONS
            }
            self.link_partner_profiles(partners, organisations)
            community_map = self.load_section(home, CommunityMapPage, content.COMMUNITY_MAP)
            resources_index = load_resources(self, home, projects_index)
            hub = self.load_hub(home, projects_index, organisations, themes)
            self.link_home(home, projects_index, principles, people_index)
            self.load_menu_and_footer(
                {
                    "principles": principles,
                    "projects": projects_index,
                    "hub": hub,
                    "resources": resources_index,
                    "people": people_index,
                    "map": community_map,
                }
            )
            # Every other language gets the English tree as aliases, until translated.
            synchronise_trees()
            # Now that every language has its tree, give its translators their rights.
            setup_translator_roles(Collection.get_first_root_node())
            self.load_albanian()
        self.stdout.write(self.style.SUCCESS(f"MOCI content ready ({self.created} objects created)."))
        if not no_admin:
            self.ensure_admin()

    # Snippets -----------------------------------------------------------

    def load_snippets(self, model, items):
        found = {}
        for slug, name in items:
            obj = model.objects.filter(locale=self.locale, slug=slug).first()
            if obj is None:
                obj = model.objects.create(locale=self.locale, slug=slug, name=name)
                self.created += 1
            elif self.update and obj.name != name:
                obj.name = name
                obj.save()
            found[slug] = obj
        return found

    def load_partners(self):
        found = {}
        for key, (name, website, description, place_name, country) in content.PARTNERS.items():
            fields = {
                "website": website,
                "description": description,
                "place_name": place_name,
                "country": country,
                "location": self.point(place_name),
            }
            obj = Partner.objects.filter(locale=self.locale, name=name).first()
            if obj is None:
                obj = Partner.objects.create(locale=self.locale, name=name, **fields)
                self.created += 1
            elif self.update:
                for field, value in fields.items():
                    setattr(obj, field, value)
                obj.save()
            found[key] = obj
        return found

    def link_partner_profiles(self, partners, organisations):
        """The partners that are also member organisations link to their profile
        (in every language: the link is synchronised). An editor's choice stays."""
        for key, slug in content.PARTNER_PROFILES.items():
            partner = partners[key]
            if partner.profile_id is None or self.update:
                Partner.objects.filter(translation_key=partner.translation_key).update(profile=organisations[slug])
                partner.profile = organisations[slug]

    def load_menu_and_footer(self, pages):
        menu = NavigationMenu.objects.filter(locale=self.locale).first()
        items = [
            ("link", {"label": content.MENU_LABELS.get(key, ""), "page": pages[key], "url": ""}) for key in content.MENU
        ]
        if menu is None:
            NavigationMenu.objects.create(locale=self.locale, title="Main navigation", items=items)
            self.created += 1
        elif self.update:
            menu.items = items
            menu.save()
        footer = Footer.objects.filter(locale=self.locale).first()
        if footer is None:
            Footer.objects.create(locale=self.locale, title="Footer", **content.FOOTER)
            self.created += 1
        elif self.update:
            footer.about, footer.acknowledgement = content.FOOTER["about"], content.FOOTER["acknowledgement"]
            footer.save()

    # Pages ----------------------------------------------------------------

    def save_page(self, parent, model, slug, fields):
        """Create the page under ``parent`` (or update it with --update) and publish it."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is not None and not self.update:
            return page
        if page is None:
            page = model(slug=slug, locale=self.locale, **fields)
            parent.add_child(instance=page)
            self.created += 1
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        page.save_revision(log_action=True).publish()
        return page

    def load_home(self):
        root = Page.get_first_root_node()
        data = dict(content.HOME)
        fields = {
            "title": data["title"],
            "seo_title": data["seo_title"],
            "hero_title": data["hero_title"],
            "hero_text": data["hero_text"],
            "hero_link_text": data["hero_link_text"],
            "introduction": data["introduction"],
            "principles_teaser": data["principles_teaser"],
            "body": data["body"],
            "search_description": data["search_description"],
        }
        home = HomePage.objects.child_of(root).filter(locale=self.locale).first()
        if home is None:
            # Wagtail's own welcome page holds the slug "home"; ours replaces it.
            welcome = Page.objects.child_of(root).filter(title=WAGTAIL_WELCOME_TITLE, numchild=0)
            for page in welcome:
                Site.objects.filter(root_page=page).update(root_page=root)
                page.delete()
            home = self.save_page(root, HomePage, "home", fields)
        elif self.update:
            home = self.save_page(root, HomePage, home.slug, fields)
        # The site's address comes from --site-url, else WAGTAILADMIN_BASE_URL, so
        # canonical and hreflang links are right in development and in production alike.
        address = self.site_address or site_address(settings.WAGTAILADMIN_BASE_URL)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(root_page=home, is_default_site=True, site_name="MOCI", **address)
        elif (
            site.root_page_id != home.pk
            or (site.hostname, site.port) == ("localhost", 80)
            or (self.site_address and (site.hostname, site.port) != tuple(address.values()))
        ):
            # Wagtail's initial site (localhost:80) takes our address, and any site
            # takes the one given with --site-url; otherwise one an operator set is kept.
            if (site.hostname, site.port) == ("localhost", 80) or self.site_address:
                site.hostname, site.port = address["hostname"], address["port"]
            site.root_page = home
            site.site_name = site.site_name or "MOCI"
            site.save()
        return home

    def load_principles(self, home):
        data = content.PRINCIPLES_PAGE
        fields = {
            "title": data["title"],
            "introduction": data["introduction"],
            "principles": [("principle", {"title": title, "text": text}) for title, text in data["principles"]],
            "how_we_function": data["how_we_function"],
            "what_we_do": data["what_we_do"],
            "body": data["body"],
            "search_description": data["search_description"],
        }
        return self.save_page(home, PrinciplesPage, data["slug"], fields)

    def load_section(self, home, model, data):
        """A section under the home page that has only a title and an introduction:
        the projects, the directory, the community map."""
        fields = {"title": data["title"], "introduction": data["introduction"]}
        return self.save_page(home, model, data["slug"], fields)

    def load_project(self, index, data, themes, partners):
        fields = {
            "title": data["title"],
            "summary": data["summary"],
            "body": [("paragraph", data["body"])],
            "place_name": data["place_name"],
            "country": data["country"],
            "location": self.point(data["place_name"]),
            "status": data["status"],
            "partners": [("partner", {"partner": partners[key], "role": role}) for key, role in data["partners"]],
            "themes": [themes[slug] for slug in data["themes"]],
        }
        return self.save_page(index, ProjectPage, data["slug"], fields)

    def load_organisation(self, index, data, skills):
        fields = {
            "title": data["title"],
            "role": data["role"],
            "bio": data["bio"],
            "place_name": data["place_name"],
            "country": data["country"],
            "location": self.point(data["place_name"]),
            "challenges": [("challenge", text) for text in data["challenges"]],
            "skills": [skills[slug] for slug in data["skills"]],
            "needs": [skills[slug] for slug in data["needs"]],
        }
        return self.save_page(index, OrganisationPage, data["slug"], fields)

    def load_hub(self, home, projects_index, organisations, themes):
        """The hub page and the workshops the texts name, linked to their project and host."""
        from hub.models import HubPage, WorkshopPage

        data = content.HUB
        hub = self.save_page(
            home, HubPage, data["slug"], {key: data[key] for key in ("title", "introduction", "how_to_invite")}
        )
        for workshop in content.WORKSHOPS:
            fields = {
                key: workshop[key]
                for key in ("title", "summary", "start_date", "date_precision", "time_zone", "place_name", "country")
            }
            fields.update(
                body=[("paragraph", workshop["body"])],
                location=self.point(workshop["place_name"]),
                host=organisations[workshop["host"]],
                related_projects=[
                    ProjectPage.objects.child_of(projects_index).get(slug=slug) for slug in workshop["projects"]
                ],
                themes=[themes[slug] for slug in workshop["themes"]],
            )
            self.save_page(hub, WorkshopPage, workshop["slug"], fields)
        return hub

    @staticmethod
    def point(place_name):
        """The stored map point of a place in the texts; empty where the texts name none."""
        if place_name not in content.POINTS:
            return ""
        return str(Point(*content.POINTS[place_name]))

    def link_home(self, home, projects_index, principles, people_index):
        """Point the home page's button at the projects, and the principles at the people."""
        if home.hero_link_id is None:
            home.hero_link = projects_index
            home.featured_projects = [
                ("project", ProjectPage.objects.child_of(projects_index).get(slug=slug))
                for slug in content.FEATURED_PROJECTS
            ]
            home.save_revision(log_action=True).publish()
        link = f'<p><a linktype="page" id="{people_index.pk}">{content.PRINCIPLES_PAGE["what_we_do_link_text"]}</a></p>'
        if 'linktype="page"' not in principles.what_we_do:
            principles.what_we_do += link
            principles.save_revision(log_action=True).publish()

    def load_albanian(self):
        """Albanian is translated for real, segment by segment, through wagtail-localize.

        Once it exists, translators own it: later runs leave it alone (so an
        English page an editor changed since shows as out of date for them,
        rather than being overwritten), unless --update resets the texts."""
        albanian = Locale.objects.filter(language_code="sq").first()
        if albanian is None:
            return
        if Translation.objects.filter(target_locale=albanian).exists() and not self.update:
            return
        try:
            self.stdout.write(f"Albanian: {describe_report(translate_site(albanian, ALBANIAN))}.")
        except MissingTranslations as error:
            # Nothing was written; the English site stands. Say what to add.
            self.stderr.write(self.style.WARNING(f"Albanian translation not created: {error}"))

    # Admin ----------------------------------------------------------------

    def ensure_admin(self):
        """One superuser, ``admin``. MOCI_ADMIN_PASSWORD sets (or resets) its password;
        without it a new admin gets a random password, printed once."""
        user_model = get_user_model()
        password = os.environ.get("MOCI_ADMIN_PASSWORD")
        user = user_model.objects.filter(username="admin").first()
        if user is None:
            password = password or secrets.token_urlsafe(12)
            user_model.objects.create_superuser("admin", os.environ.get("MOCI_ADMIN_EMAIL", ""), password)
        elif password and not user.check_password(password):
            user.set_password(password)
            user.save()
        elif not password:
            self.stdout.write("Admin user “admin” exists; its password is unchanged.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: {settings.WAGTAILADMIN_BASE_URL}/admin/  user: admin  password: {password}"
            )
        )
