from people.models import User
from people.tests.factories import UserFactory


def test_admin_cannot_edit_frozen_rows(login, instrument, items):
    client = login(
        UserFactory(
            username="super", role=User.Role.ADMIN, is_staff=True, is_superuser=True
        )
    )
    assert client.get("/admin/assessments/result/").status_code == 200
    assert client.get("/admin/assessments/instrument/add/").status_code == 403
    frozen = client.post(f"/admin/assessments/item/{items[0].pk}/change/", {})
    assert frozen.status_code == 403
    items[0].refresh_from_db()
    assert items[0].stem.startswith("Skenario loket")
