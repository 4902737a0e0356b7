"""Workshops made as editors make them: through the admin's form, with its errors, and
translated through wagtail-localize with the dates and the place kept in step."""

import datetime

from wagtail.test.utils import WagtailPageTestCase
from wagtail_localize.models import Translation, TranslationSource

from hub.models import HubPage, WorkshopPage
from mocisite.languages import ensure_locales
from tests import factories
from tests.factories import workshop_form_data

UTC = datetime.UTC


class WorkshopAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = factories.make_home()
        cls.hub = factories.add(cls.home, HubPage(title="The hub on the road", slug="hub"))
        cls.project_index = factories.make_project_index(cls.home)
        cls.project = factories.make_project(cls.project_index, "Permaculture in Pellumbas")
        cls.people_index = factories.make_people_index(cls.home)
        cls.host = factories.make_organisation(cls.people_index, "iac Berlin")
        cls.skill = factories.make_skill()

    def setUp(self):
        self.login()

    def add_url(self):
        return f"/admin/pages/add/hub/workshoppage/{self.hub.pk}/"

    def test_the_secretariat_adds_a_workshop_with_times_in_the_places_zone(self):
        data = workshop_form_data(
            "Seed saving in Tbilisi",
            start_date="2027-03-27",
            start_time="10:00",
            end_date="2027-03-28",
            end_time="16:00",
            time_zone="Asia/Tbilisi",
            place_name="Tbilisi",
            country="GE",
            location="SRID=4326;POINT(44.8271 41.7151)",
            capacity="12",
            host=self.host.pk,
        )
        data["languages"] = ["ka", "en"]
        data["related_projects"] = [self.project.pk]
        data["skills"] = [self.skill.pk]
        self.assertCanCreate(self.hub, WorkshopPage, data)

        workshop = WorkshopPage.objects.get(slug="seed-saving-in-tbilisi")
        # 10:00 in Tbilisi (UTC+4 all year) is 06:00 UTC; the end is the next day at 16:00 there.
        self.assertEqual(workshop.starts_at, datetime.datetime(2027, 3, 27, 6, 0, tzinfo=UTC))
        self.assertEqual(workshop.ends_at, datetime.datetime(2027, 3, 28, 12, 0, tzinfo=UTC))
        self.assertTrue(workshop.exact)
        self.assertEqual(workshop.languages, ["ka", "en"])
        self.assertEqual(workshop.host_id, self.host.pk)
        self.assertEqual(list(workshop.related_projects.all()), [self.project])
        self.assertEqual(list(workshop.skills.all()), [self.skill])
        self.assertEqual(workshop.capacity, 12)

    def test_a_season_workshop_needs_no_day_and_no_time(self):
        data = workshop_form_data("Autumn gardening", date_precision="season", start_date="2027-10-01")
        self.assertCanCreate(self.hub, WorkshopPage, data)
        workshop = WorkshopPage.objects.get(slug="autumn-gardening")
        self.assertFalse(workshop.exact)
        self.assertEqual(workshop.ends_at.astimezone(datetime.UTC).date(), datetime.date(2027, 11, 30))

    def assert_refused(self, message, **fields):
        response = self.client.post(self.add_url(), workshop_form_data("Refused", **fields))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, message)
        self.assertFalse(WorkshopPage.objects.filter(slug="refused").exists())

    def test_impossible_dates_are_form_errors_and_save_nothing(self):
        self.assert_refused(
            "The end date cannot be before the start date.", start_date="2027-05-02", end_date="2027-05-01"
        )
        self.assert_refused("The workshop cannot end before it starts.", start_time="15:00", end_time="09:00")
        self.assert_refused("Times need a known day", date_precision="month", start_time="10:00")
        self.assert_refused("Give the start time too", end_time="12:00")
        self.assert_refused("Select a valid choice", time_zone="Mars/Olympus_Mons")

    def test_a_translation_keeps_the_dates_and_the_place_of_its_source(self):
        ensure_locales()
        workshop = factories.add(
            self.hub,
            WorkshopPage(
                title="Compost",
                summary="Making compost.",
                start_date=datetime.date(2027, 4, 10),
                start_time=datetime.time(10, 0),
                time_zone="Europe/Tirane",
                place_name="Pellumbas",
                country="AL",
                location="SRID=4326;POINT(19.9167 41.2167)",
            ),
        )
        factories.translate(self.home, "sq")
        factories.translate(self.hub, "sq", title="Hub-i në rrugë")
        albanian = factories.translate(workshop, "sq", title="Kompost", summary="Bëjmë kompost.")
        self.assertEqual(albanian.starts_at, workshop.starts_at)
        self.assertEqual((albanian.location, albanian.country), (workshop.location, workshop.country))

        # The source moves a week later; when the translation is updated from it (as the
        # queue's "Sync translated pages" does), the dates and the point follow.
        workshop.start_date = datetime.date(2027, 4, 17)
        workshop.location = "SRID=4326;POINT(19.92 41.22)"
        workshop.save_revision().publish()
        source = TranslationSource.objects.get_for_instance(workshop)
        source.update_from_db()
        Translation.objects.get(source=source, target_locale=albanian.locale).save_target(publish=True)
        albanian = WorkshopPage.objects.get(pk=albanian.pk)
        self.assertEqual(albanian.start_date, datetime.date(2027, 4, 17))
        self.assertEqual(albanian.starts_at, datetime.datetime(2027, 4, 17, 8, 0, tzinfo=UTC))
        self.assertEqual(albanian.location, "SRID=4326;POINT(19.92 41.22)")
