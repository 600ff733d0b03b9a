import json
import zipfile

import numpy as np

from broadsheet.antispam.core import SpamModel, Submission, default_model_path, load_default_model

SAMPLES = [
    Submission(content="Check out my channel http://example.com/me", author="Promo Guy"),
    Submission(content="This song never gets old", author="Mia"),
]


def test_a_saved_model_loads_back_and_scores_identically(tmp_path):
    model = load_default_model()

    model.save(tmp_path)
    again = SpamModel.load(tmp_path)

    np.testing.assert_allclose(again.probabilities(SAMPLES), model.probabilities(SAMPLES), rtol=1e-6)
    assert again.metadata["spam_threshold"] == model.metadata["spam_threshold"]


def test_the_model_is_arrays_and_json_without_pickled_objects(tmp_path):
    load_default_model().save(tmp_path)

    assert sorted(path.name for path in tmp_path.iterdir()) == ["model.json", "weights.npz"]
    json.loads((tmp_path / "model.json").read_text())
    with zipfile.ZipFile(tmp_path / "weights.npz") as archive:
        for name in archive.namelist():
            header = archive.read(name)[:200]
            assert b"'descr': '|O'" not in header  # no object arrays, which would need pickle


def test_the_shipped_model_is_small_and_carries_its_thresholds():
    size = sum(path.stat().st_size for path in default_model_path().iterdir())
    metadata = json.loads((default_model_path() / "model.json").read_text())

    assert size < 5_000_000
    assert 0 < metadata["hold_threshold"] <= metadata["spam_threshold"] < 1
