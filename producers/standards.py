"""The standards the registry starts with (officers add more in the QualityStandard table)."""

# (code, Thai name, categories that accept it by default). Codes are those certificates held.
SEED = [
    ("mpc", "มาตรฐานผลิตภัณฑ์ชุมชน (มผช.)", ["food", "beverage", "textile", "household", "herbal"]),
    ("fda", "อย. (สำนักงานคณะกรรมการอาหารและยา)", ["food", "beverage", "herbal"]),
    ("gmp", "GMP", ["food", "beverage", "herbal"]),
    ("halal", "ฮาลาล", ["food", "beverage"]),
    ("tis", "มอก. (มาตรฐานผลิตภัณฑ์อุตสาหกรรม)", ["textile", "household"]),
    ("organic", "เกษตรอินทรีย์", ["food", "beverage", "herbal"]),
    ("other", "อื่น ๆ", []),
    ("gap", "GAP (การปฏิบัติทางการเกษตรที่ดี)", ["food", "herbal"]),
    ("haccp", "HACCP", ["food", "beverage"]),
    ("q", "เครื่องหมาย Q (มกอช.)", ["food", "beverage"]),
]


def seed_standards(quality_standard_model):
    """Create the seeded standards that are missing (a model class, historical or current)."""
    for code, name, default_for in SEED:
        quality_standard_model.objects.get_or_create(
            code=code, defaults={"name": name, "default_for": default_for}
        )
