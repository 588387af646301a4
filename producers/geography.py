"""Loads Thailand's provinces, districts and subdistricts from the `geothai` package.

Used by the data migration and by `manage.py load_geography`; safe to run again (updates names).
"""

import geothai

from otop_fair.thai import thai_sort_key

WEST = {"63", "70", "71", "76", "77"}
CENTRAL_EXTRA = {"72", "73", "74", "75"}
NORTH = {"50", "51", "52", "53", "54", "55", "56", "57", "58"}
NORTH_LOWER = {"60", "61", "62", "64", "65", "66", "67"}


def region_of(province_code: str) -> str:
    """The six-region grouping used by the department, from the DOPA province code."""
    first = province_code[0]
    if province_code in WEST:
        return "west"
    if first == "1" or province_code in CENTRAL_EXTRA:
        return "central"
    if first == "2":
        return "east"
    if first in "34":
        return "northeast"
    if province_code in NORTH or province_code in NORTH_LOWER:
        return "north"
    return "south"


def load_geography(Province, District, Subdistrict):
    """Upsert every area. Takes the model classes so a migration can pass its historical models."""
    provinces = geothai.provinces()
    _upsert_provinces(Province, provinces)
    districts = [d for p in provinces for d in geothai.districts(p.code)]
    _upsert_districts(District, districts)
    subdistricts = [s for d in districts for s in geothai.subdistricts(d.code)]
    _upsert_subdistricts(Subdistrict, subdistricts)
    return len(provinces), len(districts), len(subdistricts)


def _upsert_provinces(Province, provinces):
    Province.objects.bulk_create(
        [
            Province(
                code=p.code,
                name_th=p.name_th,
                name_en=p.name_en,
                region=region_of(p.code),
                sort_name=thai_sort_key(p.name_th),
            )
            for p in provinces
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name_th", "name_en", "region", "sort_name"],
    )


def _upsert_districts(District, districts):
    District.objects.bulk_create(
        [
            District(
                code=d.code,
                province_id=d.province_code,
                name_th=d.name_th,
                name_en=d.name_en,
                sort_name=thai_sort_key(d.name_th),
            )
            for d in districts
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name_th", "name_en", "province", "sort_name"],
        batch_size=1000,
    )


def _upsert_subdistricts(Subdistrict, subdistricts):
    Subdistrict.objects.bulk_create(
        [
            Subdistrict(
                code=s.code,
                district_id=s.district_code,
                name_th=s.name_th,
                name_en=s.name_en,
                postal_code=s.postal_codes[0] if s.postal_codes else "",
                sort_name=thai_sort_key(s.name_th),
            )
            for s in subdistricts
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name_th", "name_en", "district", "postal_code", "sort_name"],
        batch_size=2000,
    )
