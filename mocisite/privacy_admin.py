"""The admin's "Privacy" dialog for pages, saying that what it sets applies to
every language version of the page (mocisite/privacy.py makes it so).

Wagtail's dialog template is shared with collections, so it is not overridden;
its page view is, at the same address (``wagtailadmin_pages:set_privacy``
resolves here: see mocisite/urls.py), with a template that adds the note above
Wagtail's own form."""

from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views.page_privacy import SetPrivacyView


class SetPagePrivacyView(SetPrivacyView):
    template_name = "mocisite/admin/set_page_privacy.html"

    def render_to_response(self, context, **response_kwargs):
        if not self.page.private_page_options:
            return super().render_to_response(context, **response_kwargs)
        return render_modal_workflow(
            self.request,
            self.template_name,
            template_vars=context,
            json_data={"step": "set_privacy"},
            **response_kwargs,
        )
