"""Fixtures of the permission matrix and of the tests that walk its URL table."""

import logging

import pytest
from django.test import Client

from testsupport.matrix_world import World, build_world, role_clients


@pytest.fixture
def world(org, roles) -> World:
    return build_world(org, roles)


@pytest.fixture
def clients(roles) -> dict[str, Client]:
    """One client per column of the matrix, each logged in as its role's user."""
    return role_clients(roles)


@pytest.fixture
def _quiet_refusals():
    """403/404/405 are the point here: keep their warnings out of the output
    (errors are still logged)."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)
