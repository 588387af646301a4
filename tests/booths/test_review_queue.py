def _scored_application_with_evidence(fair):
    item = ReviewFactory(member__fair=fair)
    group = item.application.group
    product = ProductFactory(group=group, name="ผ้าไหมลายดอกแก้ว", price_min=350, price_max=1200)
    product.story_origin = "ทอด้วยมือจากกี่โบราณของหมู่บ้าน"
    product.save()
    item.application.products.add(product)
    StarRatingFactory(product=product)
    CertificationFactory(group=group, product=product, number="มผช. 99/2568")
    return item


@pytest.mark.parametrize("is_blind", [False, True])
def test_score_sheet_shows_what_is_scored_and_blind_review_hides_who(
    scoring_fair, client_for, is_blind
):
    scoring_fair.is_blind_review = is_blind
    scoring_fair.save()
    item = _scored_application_with_evidence(scoring_fair)
    group = item.application.group
    client = client_for(item.member.user)
    sheet = client.get(f"/fairs/review/{item.pk}/").content.decode()
    queue = client.get("/fairs/review/").content.decode()
    for shown in ("ผ้าไหมลายดอกแก้ว", "ทอด้วยมือจากกี่โบราณ", "350", "1,200", "★", "มาตรฐาน"):
        assert shown in sheet
    for hidden in (group.name, group.registration_no, "มผช. 99/2568", group.province.name_th):
        assert (hidden in sheet) is not is_blind
    assert (group.name in queue) is not is_blind


def test_officer_still_sees_the_group_of_a_blind_reviewed_application(
    scoring_fair, cm_officer, client_for
):
    scoring_fair.is_blind_review = True
    scoring_fair.save()
    item = _scored_application_with_evidence(scoring_fair)
    page = client_for(cm_officer).get(f"/fairs/applications/{item.application_id}/")
    assert item.application.group.name in page.content.decode()


def test_fair_settings_say_photos_and_stories_may_still_reveal_a_group(
    scoring_fair, cm_officer, client_for
):
    page = client_for(cm_officer).get(f"/fairs/{scoring_fair.pk}/edit/").content.decode()
    assert "พิจารณาแบบปกปิดชื่อ" in page
    assert "รูปสินค้าและเรื่องราวสินค้าอาจยังทำให้รู้ได้" in page
