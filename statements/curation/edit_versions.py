"""Optimistic locking: an admin form carries the version of the record it was opened at.

Saving over a record that someone else saved meanwhile is refused, naming who and when, with the
saved value and the one sent beside each field that differs, while the form keeps everything
typed. The form then carries the new version, so saving again deliberately keeps what was sent.
A save that sends what is stored now (the same change made twice) loses nothing and goes through.
"""

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models, router, transaction
from django.utils import timezone
from django.utils.text import Truncator

SHOWN_CHARACTERS = 500


class EditVersionForm(forms.ModelForm):
    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["opened_version"].initial = self.instance.version

    def clean(self) -> dict:
        cleaned = super().clean()
        opened = cleaned.get("opened_version")
        if opened is not None and self.instance.pk is not None:
            self.check_version(opened)
        return cleaned

    def check_version(self, opened: int) -> None:
        model = type(self.instance)
        stored = model._default_manager.filter(pk=self.instance.pk)
        using = router.db_for_write(model)
        if transaction.get_connection(using).in_atomic_block:
            # Held to the end of the save, so no one saves between this check and ours.
            stored = stored.select_for_update()
        current_version = stored.values_list("version", flat=True).first()
        if current_version is None or current_version == opened:
            return
        current = stored.get()
        differing = self.fields_differing_from(current)
        if differing:
            self.refuse(current, differing)
        else:
            self.instance.version = current.version

    def changes_stored(self) -> bool:
        """Whether saving would change the stored record (always, for one not stored)."""
        stored = type(self.instance)._default_manager.filter(pk=self.instance.pk).first()
        return stored is None or bool(self.fields_differing_from(stored))

    def fields_differing_from(self, current: models.Model) -> list[str]:
        as_stored_now = type(self)(self.data, self.files, instance=current, prefix=self.prefix)
        differing = set(as_stored_now.changed_data) - {"opened_version"}
        return [name for name in self.cleaned_data if name in differing]

    def refuse(self, current: models.Model, differing: list[str]) -> None:
        who, when = last_change(current)
        noun = current._meta.verbose_name
        self.add_error(
            None,
            f"This {noun} was changed by {who} at {when} since you opened it, so nothing was "
            "saved. Each field that differs shows what is saved now and what you sent; your "
            "entries are kept. Correct what you need and save again to keep yours.",
        )
        for name in differing:
            saved = shown(current, name, self.initial_value_of(current, name))
            sent = shown(current, name, self.cleaned_data[name])
            self.add_error(name, f"Saved by {who} at {when}: “{saved}”. You sent: “{sent}”.")
        self.data = self.data.copy()
        self.data[self.add_prefix("opened_version")] = str(current.version)

    def initial_value_of(self, current: models.Model, name: str):
        try:
            field = current._meta.get_field(name)
        except FieldDoesNotExist:  # a form field of its own (a claim's quote, kept on evidence)
            return type(self)(instance=current, prefix=self.prefix).initial.get(name)
        if field.many_to_many:
            return list(getattr(current, name).all())
        return getattr(current, name)


def last_change(record: models.Model) -> tuple[str, str]:
    """Who last saved the record and when, from its history."""
    latest = record.history.order_by("-history_date", "-history_id").first()
    if latest is None:
        return "someone else", "an unknown time"
    who = latest.history_user.get_username() if latest.history_user else "someone else"
    when = timezone.localtime(latest.history_date).strftime("%Y-%m-%d %H:%M:%S %Z")
    return who, when


def shown(record: models.Model, name: str, value) -> str:
    """A field's value as an editor reads it: labels for choices, names for records."""
    try:
        field = record._meta.get_field(name)
    except FieldDoesNotExist:
        field = None
    if field is not None and field.choices and not field.many_to_many:
        value = dict(field.flatchoices).get(value, value)
    if field is not None and field.many_to_many:
        value = ", ".join(str(item) for item in value) or "none"
    elif value in (None, ""):
        value = "empty"
    return Truncator(str(value)).chars(SHOWN_CHARACTERS)
