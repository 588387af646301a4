"""Models of the producers app, one module per concept; import them from here."""

from .geography import District, Province, Region, Subdistrict
from .groups import (
    MAX_PHOTOS_PER_PRODUCT,
    Category,
    GroupType,
    ProducerGroup,
    ProducerGroupQuerySet,
    Product,
    ProductPhoto,
    photo_path,
)
from .merging import GroupMergeCandidate
from .public import PUBLIC_SWITCHES, PublicProfile
from .quality import (
    EXPIRY_WARNING_DAYS,
    Certification,
    CertificationStatus,
    FollowUpStatus,
    RatingRound,
    Standard,
    StarRating,
    Visit,
    stars_expression,
)

__all__ = [
    "EXPIRY_WARNING_DAYS",
    "PUBLIC_SWITCHES",
    "MAX_PHOTOS_PER_PRODUCT",
    "Category",
    "Certification",
    "CertificationStatus",
    "District",
    "FollowUpStatus",
    "GroupMergeCandidate",
    "GroupType",
    "ProducerGroup",
    "ProducerGroupQuerySet",
    "Product",
    "ProductPhoto",
    "Province",
    "PublicProfile",
    "RatingRound",
    "Region",
    "Standard",
    "StarRating",
    "Subdistrict",
    "Visit",
    "photo_path",
    "stars_expression",
]
