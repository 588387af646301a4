"""What the environment makes of the shared cache and the shared media store, and that every
upload of every app goes through the configured storage (never a folder of its own)."""

import uuid

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from hypothesis import given
from hypothesis import strategies as st
from storages.backends.s3 import S3Storage

from otop_fair.deployment import ConfigurationError, cache_from_url, media_storage
from tests.cluster.conftest import BUCKET

KNOWN_SCHEMES = {"db", "redis", "rediss", "valkey", "valkeys", "locmem"}


def test_without_cache_url_every_node_shares_postgresqls_cache_table():
    for url in (None, "", "db://"):
        assert cache_from_url(url)["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
        assert cache_from_url(url)["LOCATION"] == "otop_cache"


@given(
    scheme=st.sampled_from(["redis", "rediss", "valkey", "valkeys"]),
    host=st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z]{2,6}){0,2}", fullmatch=True),
    port=st.integers(1, 65535),
    db=st.integers(0, 15),
)
def test_a_redis_or_valkey_url_is_djangos_redis_backend_at_that_address(scheme, host, port, db):
    cache = cache_from_url(f"{scheme}://{host}:{port}/{db}")
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    tls = "s" if scheme in {"rediss", "valkeys"} else ""
    assert cache["LOCATION"] == f"redis{tls}://{host}:{port}/{db}"


@given(
    st.from_regex(r"[a-z][a-z0-9+.-]{0,12}", fullmatch=True).filter(
        lambda s: s not in KNOWN_SCHEMES
    )
)
def test_a_cache_url_of_an_unknown_kind_stops_the_node_from_starting(scheme):
    with pytest.raises(ConfigurationError):
        cache_from_url(f"{scheme}://somewhere:1/0")


def test_without_a_bucket_uploads_stay_on_the_local_disk():
    assert media_storage({})["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_every_uploaded_file_of_every_app_goes_through_the_configured_storage():
    file_fields = [
        (model.__name__, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    assert file_fields, "no upload fields found: the walk is broken"
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                assert field.storage is default_storage, (model.__name__, field.name)


@pytest.fixture
def bucket_storage(object_store):
    endpoint, _ = object_store
    environ = {
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": "us-east-1",
        "S3_ACCESS_KEY_ID": "otop-test",
        "S3_SECRET_ACCESS_KEY": "otop-test-secret",
        "S3_SIGNED_URL_SECONDS": "120",
    }
    config = media_storage(environ)
    assert config["BACKEND"] == "storages.backends.s3.S3Storage"
    return S3Storage(**config["OPTIONS"])


def test_an_object_in_the_bucket_is_private_and_its_links_are_signed_and_short_lived(
    bucket_storage, object_store
):
    _, s3 = object_store
    name = bucket_storage.save(f"product_photos/{uuid.uuid4().hex}.jpg", ContentFile(b"jpeg"))
    with bucket_storage.open(name) as stored:
        assert stored.read() == b"jpeg"
    grants = s3.get_object_acl(Bucket=BUCKET, Key=f"media/{name}")["Grants"]
    assert all("AllUsers" not in str(grant["Grantee"]) for grant in grants)
    link = bucket_storage.url(name)
    assert "X-Amz-Signature=" in link
    assert "X-Amz-Expires=120" in link


def test_a_second_upload_under_the_same_name_never_replaces_the_first(bucket_storage):
    name = f"product_photos/{uuid.uuid4().hex}.jpg"
    first = bucket_storage.save(name, ContentFile(b"first"))
    second = bucket_storage.save(name, ContentFile(b"second"))
    assert first != second
    with bucket_storage.open(first) as stored:
        assert stored.read() == b"first"
