"""Models of the producers app, one module per concept; import them from here."""

from .geography import District, Province, Region, Subdistrict
from .groups import (
    MAX_PHOTOS_PER_PRODUCT,
    Category,
    GroupType,
    OtopMark,
    ProducerGroup,
    Product,
    ProductPhoto,
    Quadrant,
    photo_path,
)
from .merging import GroupMergeCandidate
from .public import PUBLIC_SWITCHES, PublicProfile
from .quality import (
    EXPIRY_WARNING_DAYS,
    Certification,
    CertificationStatus,
    FollowUpStatus,
    QualityStandard,
    RatingRound,
    Standard,
    StarRating,
    Visit,
    current_ratings,
    stars_expression,
    valid_on,
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
    "OtopMark",
    "Quadrant",
    "GroupType",
    "ProducerGroup",
    "Product",
    "ProductPhoto",
    "Province",
    "PublicProfile",
    "QualityStandard",
    "RatingRound",
    "Region",
    "Standard",
    "StarRating",
    "Subdistrict",
    "Visit",
    "current_ratings",
    "photo_path",
    "stars_expression",
    "valid_on",
]
