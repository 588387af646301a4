"""How a node finds what every node shares — the cache and the media store — read from
environment variables by `settings.py`. Plain functions of a mapping, so tests call them with
any environment; no Django import, because settings are read before Django is set up.
"""

from urllib.parse import urlsplit

CACHE_TABLE = "otop_cache"
REDIS_SCHEMES = {"redis", "rediss", "valkey", "valkeys"}


class ConfigurationError(ValueError):
    """An environment variable that cannot mean anything; the node refuses to start."""


def cache_from_url(url):
    """Django's CACHES["default"] for CACHE_URL.

    Unset or `db://` is PostgreSQL's own table (nothing new to run, shared by every node);
    `redis://`/`rediss://` (or `valkey://`) is Django's Redis backend; `locmem://` keeps a cache
    per process and is only for a single development process."""
    scheme = urlsplit(url).scheme if url else "db"
    if scheme == "db":
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    if scheme in REDIS_SCHEMES:
        # Valkey speaks Redis's protocol; redis-py knows only the redis schemes.
        location = "redis" + url[len("valkey") :] if scheme.startswith("valkey") else url
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    raise ConfigurationError(f"CACHE_URL: unknown scheme {scheme!r} (db, redis, rediss, locmem)")


def media_storage(environ):
    """Django's STORAGES["default"]: the local disk, or an S3-compatible bucket when S3_BUCKET is
    set. Objects stay private: pages show them through permission-checked views, and any URL the
    storage itself hands out is signed and expires after S3_SIGNED_URL_SECONDS."""
    bucket = environ.get("S3_BUCKET")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("S3_ENDPOINT_URL") or None,
        "region_name": environ.get("S3_REGION") or None,
        "access_key": environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("S3_SECRET_ACCESS_KEY") or None,
        "location": environ.get("S3_PREFIX", "media"),
        "addressing_style": environ.get("S3_ADDRESSING_STYLE", "path"),
        "signature_version": "s3v4",
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": int(environ.get("S3_SIGNED_URL_SECONDS", "300")),
        "file_overwrite": False,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
