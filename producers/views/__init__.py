"""Pages of the producers app, one module per concept; each view names its permission."""

from django.shortcuts import get_object_or_404

from producers.models import ProducerGroup, Product, ProductPhoto, Visit


def get_group(request, group_id):
    return get_object_or_404(ProducerGroup.objects.select_related("province"), pk=group_id)


def get_product(request, product_id):
    return get_object_or_404(Product.objects.select_related("group"), pk=product_id)


def get_photo(request, photo_id):
    return get_object_or_404(ProductPhoto.objects.select_related("product__group"), pk=photo_id)


def get_visit(request, visit_id):
    return get_object_or_404(Visit.objects.select_related("group"), pk=visit_id)
