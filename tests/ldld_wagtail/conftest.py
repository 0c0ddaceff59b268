import pytest
from django.core.management import call_command

from ..utils import person


@pytest.fixture
def laocai(db):
    """The Lào Cai profile applied, and one person for each step of the news path."""
    call_command("setup_portal", "--profile", "lao-cai", stdout=open("/dev/null", "w"))
    return {
        "ctv": person("ctv-tuyengiao", "ctv-tuyen-giao"),
        "thuky": person("thuky", "thu-ky"),
        "phoban1": person("phoban1", "pho-ban-tt"),  # owns Tuyên giáo - Nữ công
        "phoban2": person("phoban2", "pho-ban"),
        "quantri": person("quantri", "quan-tri"),
    }
