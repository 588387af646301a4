"""One-time keys of create forms: the same form sent twice creates one row, not two.

A create form declares `client_key = FormKeyField()`; the page it is rendered on carries a fresh
key, and a resent page carries the same one. The view runs its create through `create_once`,
which records the key under a unique rule in the same transaction as the row it makes: the
first send creates, any later (or concurrent) send with that key creates nothing and is
answered with the first one's result. The offline queue's key travels in the same field.
"""

import uuid

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from otop_fair.models import UsedFormKey


def new_form_key():
    return uuid.uuid4().hex


class FormKeyField(forms.CharField):
    """The hidden one-time key; left out (an old page, a script), the form still works, once."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.HiddenInput)
        # A callable initial value: each rendering of an unbound form gets its own key.
        kwargs.setdefault("initial", new_form_key)
        super().__init__(**kwargs)


def create_once(*, by, key, create, url_of):
    """Run `create()` once per person and key; return (the result's URL, whether it was made now).

    `create` may raise ValidationError: then nothing is kept, the key included, so the corrected
    form can be sent again with it."""
    if not key:
        return url_of(create()), True
    with transaction.atomic():
        try:
            with transaction.atomic():
                used = UsedFormKey.objects.create(user=by, key=key, result_url="")
        except IntegrityError:
            # Sent before, or at this moment by the other tap (the insert waited for it to end).
            return UsedFormKey.objects.get(user=by, key=key).result_url, False
        used.result_url = url_of(create())
        used.save(update_fields=["result_url"])
        return used.result_url, True


ALREADY_SAVED = _("This was already saved: the same form was sent twice and kept once.")


def redirect_once(request, form, create, *, to, saved):
    """A create view's answer to a valid form: `create()` run once per form key, then a redirect
    to `to(result)` with the message `saved` (or `saved(result)`), or to the first send's result
    when this form was sent before. A ValidationError from `create` reaches the view, nothing
    kept."""
    results = []
    url, made = create_once(
        by=request.user,
        key=form.cleaned_data.get("client_key", ""),
        create=lambda: results.append(create()) or results[0],
        url_of=to,
    )
    if made:
        messages.success(request, saved(results[0]) if callable(saved) else saved)
    else:
        messages.info(request, ALREADY_SAVED)
    return redirect(url)
