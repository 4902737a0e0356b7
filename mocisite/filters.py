"""What every list's filters (projects, resources, the directory, the map) have in common.

A filter form reads the query string. A value the list does not know (``?country=GE`` on a
list without Georgian projects, a hand-edited or outdated link) lists nothing: showing
everything under an error would tell the visitor the filter worked. The form says which
value is wrong next to its field, and the page offers to clear the filters.
The filtered index pages (mocisite/indexes.py) read their forms this way.
"""

from django import forms


class FilterForm(forms.Form):
    """Base of the list filters. Subclasses define the fields and :meth:`filter`."""

    def filter(self, items):
        """``items`` narrowed by the valid ``cleaned_data`` (a queryset or a list)."""
        raise NotImplementedError

    @property
    def filtered(self):
        """Whether the visitor asked for any filter, valid or not (so "Clear filters" shows)."""
        return any(self.data.get(name) for name in self.fields)

    def apply(self, items):
        """``items`` as the filters let them through; nothing at all if a value is unknown."""
        if not self.is_valid():
            return items.none() if hasattr(items, "none") else []
        return self.filter(items)
