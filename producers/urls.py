from django.urls import path

from producers.views import (
    groups,
    open_data,
    products,
    public_page,
    records,
    standards,
    transfer,
)

app_name = "producers"

urlpatterns = [
    path("groups/", groups.group_list, name="group_list"),
    path("groups/new/", groups.group_create, name="group_create"),
    path("groups/<int:group_id>/", groups.group_detail, name="group_detail"),
    path("groups/<int:group_id>/edit/", groups.group_edit, name="group_edit"),
    path("groups/export.csv", transfer.group_export, {"fmt": "csv"}, name="group_export_csv"),
    path("groups/export.xlsx", transfer.group_export, {"fmt": "xlsx"}, name="group_export_xlsx"),
    path("groups/import/", transfer.import_upload, name="import_upload"),
    path("groups/import/confirm/", transfer.import_confirm, name="import_confirm"),
    path("groups/open-data/", open_data.open_data_upload, name="open_data_upload"),
    path("groups/open-data/confirm/", open_data.open_data_confirm, name="open_data_confirm"),
    path("groups/<int:group_id>/products/new/", products.product_create, name="product_create"),
    path("groups/<int:group_id>/visits/new/", records.visit_create, name="visit_create"),
    path("groups/<int:group_id>/ratings/new/", records.rating_create, name="rating_create"),
    path(
        "groups/<int:group_id>/certifications/new/",
        records.certification_create,
        name="certification_create",
    ),
    path("groups/<int:group_id>/public/", public_page.public_settings, name="public_settings"),
    path("groups/<int:group_id>/public/hide/", public_page.public_hide, name="public_hide"),
    path("groups/<int:group_id>/public/show/", public_page.public_show, name="public_show"),
    path("visits/<int:visit_id>/done/", records.follow_up_done, name="follow_up_done"),
    path("products/<int:product_id>/", products.product_edit, name="product_edit"),
    path("products/<int:product_id>/photos/", products.photo_add, name="photo_add"),
    path("photos/<int:photo_id>/delete/", products.photo_delete, name="photo_delete"),
    path("photos/<int:photo_id>/full.jpg", products.photo_image, name="photo_image"),
    path(
        "photos/<int:photo_id>/thumb.jpg",
        products.photo_image,
        {"size": "thumb"},
        name="photo_thumbnail",
    ),
    path("standards/", standards.standard_list, name="standard_list"),
    path("standards/new/", standards.standard_create, name="standard_create"),
    path("standards/<slug:code>/edit/", standards.standard_edit, name="standard_edit"),
    path("mine/", groups.my_groups, name="my_groups"),
    path("address-fields/", groups.address_fields, name="address_fields"),
    path("district-options/", groups.district_options, name="district_options"),
]
