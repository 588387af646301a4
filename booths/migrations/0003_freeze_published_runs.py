"""A published allocation run and its results can never change: the database refuses it."""

from django.db import migrations

FREEZE = """
CREATE OR REPLACE FUNCTION booths_refuse_published_run_change() RETURNS trigger AS $$
BEGIN
    IF OLD.is_published THEN
        RAISE EXCEPTION 'published allocation run % cannot be changed', OLD.id;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION booths_refuse_published_result_change() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM booths_allocationrun WHERE id = OLD.run_id AND is_published) THEN
        RAISE EXCEPTION 'results of published allocation run % cannot be changed', OLD.run_id;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER booths_published_run_frozen
    BEFORE UPDATE OR DELETE ON booths_allocationrun
    FOR EACH ROW EXECUTE FUNCTION booths_refuse_published_run_change();

CREATE TRIGGER booths_published_result_frozen
    BEFORE UPDATE OR DELETE ON booths_runresult
    FOR EACH ROW EXECUTE FUNCTION booths_refuse_published_result_change();
"""

UNFREEZE = """
DROP TRIGGER IF EXISTS booths_published_result_frozen ON booths_runresult;
DROP TRIGGER IF EXISTS booths_published_run_frozen ON booths_allocationrun;
DROP FUNCTION IF EXISTS booths_refuse_published_result_change();
DROP FUNCTION IF EXISTS booths_refuse_published_run_change();
"""


class Migration(migrations.Migration):
    dependencies = [("booths", "0002_eligibility_review_runs")]

    operations = [migrations.RunSQL(FREEZE, UNFREEZE)]
