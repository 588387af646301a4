"""Products of a group: create, edit with their photos, and the photos themselves."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from otop_fair.confirm import confirmation, needs_confirmation
from otop_fair.form_keys import redirect_once
from otop_fair.permissions import requires
from otop_fair.uploads import image_response
from producers import services
from producers.forms import PhotoForm, ProductForm
from producers.models import MAX_PHOTOS_PER_PRODUCT
from producers.views import get_group, get_photo, get_product


@requires("producers.change_group", group=get_group)
def product_create(request, group):
    form = ProductForm(request.POST or None, can_set_mark=_keeps(request.user, group))
    if form.is_valid():
        return redirect_once(
            request,
            form,
            lambda: services.save_product(
                product=form.save(commit=False), group=group, by=request.user
            ),
            to=lambda product: reverse("producers:product_edit", args=[product.pk]),
            saved=_("The product was saved. You can add photos now."),
        )
    return render(request, "producers/product_form.html", {"form": form, "group": group})


def _keeps(user, group):
    return user.has_perm("producers.change_registration", group)


def _product_page(request, product, form, photo_form=None):
    context = {
        "form": form,
        "group": product.group,
        "product": product,
        "photos": list(product.photos.all()),
        "photo_form": photo_form or PhotoForm(),
        "max_photos": MAX_PHOTOS_PER_PRODUCT,
    }
    return render(request, "producers/product_form.html", context)


@requires("producers.change_product", product=get_product)
def product_edit(request, product):
    form = ProductForm(
        request.POST or None, instance=product, can_set_mark=_keeps(request.user, product.group)
    )
    if form.is_valid():
        services.save_product(product=form.save(commit=False), group=product.group, by=request.user)
        messages.success(request, _("The product was saved."))
        return redirect("producers:group_detail", group_id=product.group_id)
    return _product_page(request, product, form)


@require_POST
@requires("producers.change_product", product=get_product)
def photo_add(request, product):
    form = PhotoForm(request.POST, request.FILES, product=product)
    if form.is_valid():
        try:
            return redirect_once(
                request,
                form,
                lambda: services.add_photo(
                    product=product,
                    image=form.cleaned_data["photo"],
                    thumbnail=form.cleaned_data["thumbnail"],
                    caption=form.cleaned_data["caption"],
                    by=request.user,
                ),
                to=lambda photo: reverse("producers:product_edit", args=[product.pk]),
                saved=_("The photo was added."),
            )
        except ValidationError as error:
            form.add_error("photo", error)
    form_ = ProductForm(instance=product, can_set_mark=_keeps(request.user, product.group))
    return _product_page(request, product, form_, photo_form=form)


@require_POST
@requires("producers.change_product", photo=get_photo)
def photo_delete(request, photo):
    product_id = photo.product_id
    if needs_confirmation(request):
        return confirmation(
            request,
            title=_("Delete this photo?"),
            consequences=[
                _("The photo is deleted from “%(product)s” for good.") % {"product": photo.product},
                _("Officers and the committee will no longer see it."),
            ],
            button=_("Yes, delete the photo"),
            cancel_url=reverse("producers:product_edit", args=[product_id]),
        )
    services.delete_photo(photo=photo, by=request.user)
    messages.success(request, _("The photo was removed."))
    return redirect("producers:product_edit", product_id=product_id)


@requires("producers.view_photo", photo=get_photo)
def photo_image(request, photo, size="full"):
    return image_response(photo.thumbnail if size == "thumb" else photo.image)
