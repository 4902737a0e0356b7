"""The resources' own StreamField blocks: a file to download, with its type and
size. The blocks every page shares are in mocisite/blocks.py."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class DownloadValue(blocks.StructValue):
    """What a download link shows: its words, the file type and the size."""

    def text(self):
        document = self.get("document")
        return self.get("label") or (document.title if document else "")

    def file_type(self):
        document = self.get("document")
        return document.file_extension.upper() if document else ""

    def file_size(self):
        """The size stored when the document was uploaded; read from the file
        (once, then stored) only for a document that has none."""
        document = self.get("document")
        if document is None:
            return None
        return document.file_size if document.file_size is not None else document.get_file_size()


class DownloadBlock(blocks.StructBlock):
    """A document visitors can download, e.g. a worksheet or a checklist."""

    document = DocumentChooserBlock(help_text=_("Choose or upload the file: PDF, an office document, a zip…"))
    label = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("The words people click, e.g. “Workshop checklist”. Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "resources/includes/download.html"
        description = _("A file to download, with the words people click.")
        value_class = DownloadValue
