"""Pages of the producers app, one module per concept; each view names its permission."""

from django.shortcuts import get_object_or_404

from producers.models import ProducerGroup, Product, ProductPhoto, Visit


def get_group(request, pk, **kwargs):
    return get_object_or_404(ProducerGroup.objects.select_related("province"), pk=pk)


def get_product(request, pk, **kwargs):
    return get_object_or_404(Product.objects.select_related("group"), pk=pk)


def get_photo(request, pk, **kwargs):
    return get_object_or_404(ProductPhoto.objects.select_related("product__group"), pk=pk)


def get_visit(request, pk, **kwargs):
    return get_object_or_404(Visit.objects.select_related("group"), pk=pk)
