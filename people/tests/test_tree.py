from people import tree
from people.models import Unit
from people.services import unit_create


def test_segment_holds_any_big_auto_field_id():
    biggest = 9_223_372_036_854_775_807
    assert tree.segment(7) == "0000000000000000007/"
    assert tree.segment(biggest) == f"{biggest}/"
    assert len(tree.segment(biggest)) == tree.SEGMENT


def test_paths_keep_parents_before_children_and_depth():
    path = tree.child_path(tree.child_path("", 1), 12_345_678)
    assert tree.depth_of(path) == 1
    assert tree.ancestor_paths(path) == [tree.segment(1), path]
    assert tree.path_within(path, tree.segment(1))
    assert not tree.path_within(tree.segment(1), path)


def test_unit_queryset_subtree_ancestors_children(org):
    assert set(Unit.objects.subtree_of(org.kecamatan)) == {
        org.kecamatan,
        org.kel_a,
        org.kel_b,
    }
    assert list(Unit.objects.ancestors_of(org.kel_a)) == [
        org.province,
        org.kota,
        org.kecamatan,
        org.kel_a,
    ]
    assert set(Unit.objects.children_of(org.kecamatan)) == {org.kel_a, org.kel_b}
    assert set(Unit.objects.children_of(None)) == {org.province, org.bpsdm}
    assert org.kecamatan.contains(org.kel_a)
    assert not org.kel_a.contains(org.kecamatan)
    assert not org.kel_a.contains(org.kel_b)


def test_units_with_seven_digit_ids_work(org):
    Unit.objects.filter(pk=org.kel_b.pk)  # the tree keeps working past 999,999
    big = Unit(pk=12_345_678, code="BIG", name="Big", kind="kelurahan", path="tmp")
    big.save()
    Unit.objects.filter(pk=big.pk).update(
        parent=org.kecamatan,
        path=tree.child_path(org.kecamatan.path, big.pk),
        depth=tree.depth_of(tree.child_path(org.kecamatan.path, big.pk)),
    )
    child = unit_create(
        code="BIG-1", name="Anak", kind="kelurahan", parent=Unit.objects.get(pk=big.pk)
    )
    assert child.depth == 4
    assert set(Unit.objects.subtree_of(org.kecamatan)) >= {child}
    assert list(Unit.objects.ancestors_of(child))[-2].pk == 12_345_678


def test_contains_asks_the_tree_inside_a_subquery(org, roles):
    from django.db.models import Exists, F, OuterRef

    from people.models import User

    # Units with a head at or above them: a subquery per unit.
    heads = User.objects.filter(
        tree.contains(F("employee__unit"), OuterRef("pk")), role=User.Role.HEAD
    )
    assert set(Unit.objects.filter(Exists(heads))) == {
        org.kecamatan,
        org.kel_a,
        org.kel_b,
    }
    # A Unit on one side, the units of the query on the other.
    assert set(Unit.objects.filter(tree.contains(org.kota, F("pk")))) == {
        org.kota,
        org.kecamatan,
        org.kel_a,
        org.kel_b,
    }
    assert set(Unit.objects.filter(tree.contains(F("pk"), org.kel_a))) == {
        org.province,
        org.kota,
        org.kecamatan,
        org.kel_a,
    }
