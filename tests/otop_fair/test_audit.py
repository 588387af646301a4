from tests.producers.factories import ProducerGroupFactory, StarRatingFactory


def test_officer_sees_who_changed_what_before_and_after(client_for, officer):
    group = ProducerGroupFactory(name="กลุ่มทอผ้าบ้านดอน", phone="0811111111")
    group._history_user = officer
    group.phone = "0822222222"
    group.save()
    page = client_for(officer).get("/audit/").content.decode()
    assert "กลุ่มทอผ้าบ้านดอน" in page
    assert "0811111111" in page and "0822222222" in page
    assert officer.get_full_name() in page


def test_audit_trail_can_be_filtered_by_what_changed(client_for, officer):
    ProducerGroupFactory(name="กลุ่มจักสานหนองบัว")
    client = client_for(officer)
    assert "กลุ่มจักสานหนองบัว" in client.get("/audit/?model=producers.producergroup").content.decode()
    assert "กลุ่มจักสานหนองบัว" not in client.get("/audit/?model=booths.fair").content.decode()


def test_audit_trail_is_officers_only(client_for, producer_user):
    assert client_for(producer_user).get("/audit/").status_code == 403


def test_audit_page_query_count_does_not_grow_with_history(
    client_for, officer, django_assert_max_num_queries
):
    client = client_for(officer)
    for _ in range(3):
        ProducerGroupFactory()
    with django_assert_max_num_queries(60) as small:
        client.get("/audit/")
    for n in range(40):
        g = ProducerGroupFactory()
        g.phone = f"08{n:08d}"
        g.save()
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/audit/")


def test_a_change_to_something_since_deleted_still_shows(client_for, officer):
    rating = StarRatingFactory(certificate_no="OTOP-OLD-1")
    rating.certificate_no = "OTOP-NEW-2"
    rating.save()
    rating.product.delete()
    page = client_for(officer).get("/audit/")
    assert page.status_code == 200
    assert "OTOP-NEW-2" in page.content.decode()
