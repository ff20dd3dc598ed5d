"""The loss landscape of a run: its planes, the grid, the path and the straight line, measured
against the network's own forward pass; random planes' seeds; coarse-then-fine progress and
cancelling within one grid row."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from test_training import _config, _make_dataset

from nnviz.core.errors import ConfigError
from nnviz.core.landscape import (
    LINE_ALPHAS,
    Cancelled,
    LandscapeSettings,
    compute_landscape,
    path_on_plane,
    random_plane,
    run_vectors,
    sample_indices,
    shares_start,
)
from nnviz.core.losses import get_loss
from nnviz.core.network import Network
from nnviz.core.recording import RunRecord
from nnviz.core.training import TrainingControl, train

GRID = 9
SAMPLES = 150


@pytest.fixture(scope="module")
def tiny():
    return _make_dataset()


def _run(dataset, stop_after: int | None = None, **changes) -> RunRecord:
    config = _config(**changes)
    record = RunRecord.for_run(config, 16, 10, len(dataset.train), dataset="tiny")
    control = TrainingControl()
    for event in train(config, dataset, control, snapshot_steps=record.schedule):
        record.add(event)
        if stop_after is not None and getattr(event, "step", 0) >= stop_after:
            control.stop()
    return record


@pytest.fixture(scope="module")
def run(tiny):
    return _run(tiny)


def _landscape(record, dataset, **settings):
    settings = {"grid": GRID, "samples": SAMPLES, **settings}
    train_split = dataset.train
    return compute_landscape(
        record, train_split.images, train_split.labels, LandscapeSettings(**settings)
    )


@pytest.fixture(scope="module")
def pca(run, tiny):
    return _landscape(run, tiny)


def _loss_of(params, record, dataset, indices) -> tuple[float, float]:
    """The network's own forward pass with ``params``: (mean loss, accuracy) on the samples."""
    net = Network(record.sizes, record.config.make_activation(), params=params)
    x = dataset.train.images[indices].astype(np.float32) / 255
    labels = dataset.train.labels[indices].astype(np.intp)
    logits = net.logits(x)
    loss = get_loss(record.config.loss).per_sample_logits(logits, labels).mean()
    return float(loss), float((logits.argmax(axis=1) == labels).mean())


def _params_at(landscape, record, x: float, y: float) -> dict[str, np.ndarray]:
    vector = landscape.plane.origin + x * landscape.plane.directions[0]
    vector = vector + y * landscape.plane.directions[1]
    out, at = {}, 0
    for name, shape in record.param_shapes.items():
        size = int(np.prod(shape))
        out[name] = vector[at : at + size].reshape(shape)
        at += size
    return out


def test_the_pca_plane_is_orthonormal_and_the_final_weights_sit_at_its_centre(run, tiny, pca):
    d = pca.plane.directions
    assert np.allclose(d @ d.T, np.eye(2), atol=1e-10)
    _, _, vectors = run_vectors(run)
    assert np.array_equal(pca.plane.origin, vectors[-1])
    assert np.allclose(pca.plane.coordinates(vectors[-1]), 0, atol=1e-9)
    centre = GRID // 2
    assert pca.xs[centre] == pytest.approx(0, abs=1e-12)
    assert pca.ys[centre] == pytest.approx(0, abs=1e-12)
    final_loss, _ = _loss_of(run.snapshot_at(None).params, run, tiny, pca.sample_indices)
    assert pca.grid[centre, centre] == pytest.approx(final_loss, rel=1e-4)
    assert pca.path.x[-1] == pytest.approx(0, abs=1e-9)


def test_the_explained_shares_are_the_two_largest_and_the_path_fits_in_the_axes(pca):
    first, second = pca.plane.explained
    assert 1 >= first >= second > 0 and first + second <= 1 + 1e-12
    assert np.all(np.abs(pca.path.x) < pca.xs[-1]) and np.all(np.abs(pca.path.y) < pca.ys[-1])
    assert pca.path.x[0] < 0 and pca.path.y[0] < 0  # the path starts at the lower left


def test_the_loss_at_each_path_point_is_the_records_weights_on_the_same_samples(run, tiny, pca):
    assert np.array_equal(pca.path.steps, run.snapshot_steps)
    for i, snapshot in enumerate(run.snapshots):
        expected, _ = _loss_of(snapshot.params, run, tiny, pca.sample_indices)
        assert pca.path.loss[i] == pytest.approx(expected, rel=1e-4)


def test_a_grid_point_is_the_network_with_the_weights_of_that_point(run, tiny, pca):
    for i, j in ((0, 0), (2, 7), (GRID - 1, 3)):
        params = _params_at(pca, run, pca.xs[j], pca.ys[i])
        expected, _ = _loss_of(params, run, tiny, pca.sample_indices)
        assert pca.grid[i, j] == pytest.approx(expected, rel=1e-4)


def test_the_line_at_0_and_1_is_the_start_and_the_end(run, tiny, pca):
    line = pca.line
    assert line.alphas[0] == -0.5 and line.alphas[-1] == 1.5
    start, end = list(line.alphas).index(0.0), list(line.alphas).index(1.0)
    loss0, acc0 = _loss_of(run.snapshots[0].params, run, tiny, pca.sample_indices)
    loss1, acc1 = _loss_of(run.snapshots[-1].params, run, tiny, pca.sample_indices)
    assert line.loss[start] == pytest.approx(loss0, rel=1e-4)
    assert line.loss[end] == pytest.approx(loss1, rel=1e-4)
    assert line.loss[start] == pytest.approx(pca.path.loss[0], rel=1e-4)
    assert (line.accuracy[start], line.accuracy[end]) == (acc0, acc1)
    # halfway along, the weights are the average of the two
    half = list(line.alphas).index(0.5)
    mid = {
        n: 0.5 * run.snapshots[0].params[n] + 0.5 * run.snapshots[-1].params[n]
        for n in run.param_shapes
    }
    assert line.loss[half] == pytest.approx(_loss_of(mid, run, tiny, pca.sample_indices)[0], 1e-4)


def test_the_landscape_uses_the_runs_own_loss(tiny):
    record = _run(tiny, loss="mse", lr=2.0)
    landscape = _landscape(record, tiny, grid=5)
    assert landscape.loss_name == "mse"
    expected, _ = _loss_of(record.snapshot_at(None).params, record, tiny, landscape.sample_indices)
    assert landscape.grid[2, 2] == pytest.approx(expected, rel=1e-4)


def test_random_planes_are_reproducible_for_a_seed_and_normalised_per_unit(run, tiny):
    a = _landscape(run, tiny, plane="random", seed=3, grid=5)
    b = _landscape(run, tiny, plane="random", seed=3, grid=5)
    c = _landscape(run, tiny, plane="random", seed=4, grid=5)
    assert np.array_equal(a.plane.directions, b.plane.directions)
    assert np.array_equal(a.grid, b.grid)
    assert not np.allclose(a.plane.directions, c.plane.directions)
    d1, d2 = a.plane.directions
    assert d1 @ d2 == pytest.approx(0, abs=1e-9 * (d1 @ d1))
    assert np.linalg.norm(d2) == pytest.approx(np.linalg.norm(d1))
    # filter normalisation: each unit of the first direction is as long as the final unit
    final = run.snapshot_at(None).params
    direction = _params_at(a, run, 1.0, 0.0)
    for l in (1, 2, 3):
        w, b_ = final[f"W{l}"].astype(np.float64), final[f"b{l}"].astype(np.float64)
        dw = direction[f"W{l}"] - w
        db = direction[f"b{l}"] - b_
        assert np.allclose((dw * dw).sum(0) + db * db, (w * w).sum(0) + b_ * b_, rtol=1e-9)
    assert a.xs[-1] >= 1.0  # the paper's ±1 at least
    assert a.plane.kind == "random" and a.plane.seed == 3
    assert random_plane(run, 3).directions.tolist() == a.plane.directions.tolist()


def test_the_grid_is_computed_coarse_first_then_refined(run, tiny):
    reports = []
    landscape = compute_landscape(
        run,
        tiny.train.images,
        tiny.train.labels,
        LandscapeSettings(grid=21, samples=SAMPLES),
        progress=reports.append,
    )
    grid_reports = [r for r in reports if r.phase == "grid"]
    first = grid_reports[0]
    assert first.done == 11  # one coarse row of 11 of the 21 columns
    assert not np.isnan(first.preview).any()  # the rest filled from the nearest point
    coarse_done = 11 * 11
    assert grid_reports[10].done == coarse_done
    assert np.all(np.diff([r.done for r in reports]) > 0)
    assert reports[-1].done == reports[-1].total == 21 * 21 + len(run.snapshot_steps) + 41
    assert np.array_equal(grid_reports[-1].preview, landscape.grid)


def test_cancelling_stops_the_work_within_one_grid_row(run, tiny):
    cancel = threading.Event()
    reports = []

    def progress(report):
        reports.append(report)
        cancel.set()  # asked for during the first row

    with pytest.raises(Cancelled) as caught:
        compute_landscape(
            run,
            tiny.train.images,
            tiny.train.labels,
            LandscapeSettings(grid=GRID, samples=SAMPLES),
            progress=progress,
            cancel=cancel,
        )
    assert len(reports) == 1  # no further row was started
    assert caught.value.done == reports[0].done <= GRID


def test_another_run_from_the_same_start_goes_on_the_same_plane(run, tiny, pca):
    other = _run(tiny, lr=0.1)  # the same seed: the same initial weights
    assert shares_start(run, other)
    assert not shares_start(run, _run(tiny, seed=5))
    path = path_on_plane(other, pca.plane, tiny.train.images, tiny.train.labels, SAMPLES)
    assert path.x[0] == pytest.approx(pca.path.x[0]) and path.y[0] == pytest.approx(pca.path.y[0])
    assert path.loss[0] == pytest.approx(pca.path.loss[0], rel=1e-6)
    expected, _ = _loss_of(other.snapshots[-1].params, other, tiny, pca.sample_indices)
    assert path.loss[-1] == pytest.approx(expected, rel=1e-4)


def test_runs_without_a_path_or_bad_settings_are_refused(tiny, run):
    short = _run(tiny, stop_after=1)  # snapshots at steps 0 and 1 only
    with pytest.raises(ConfigError, match="at least 3 weight snapshots"):
        _landscape(short, tiny)
    for bad in ({"grid": 2}, {"grid": 500}, {"samples": 5}, {"plane": "tsne"}, {"seed": -1}):
        with pytest.raises(ConfigError):
            LandscapeSettings(**bad)
    with pytest.raises(ConfigError, match="pixels"):
        compute_landscape(run, tiny.train.images[:, :8], tiny.train.labels)


def test_the_samples_are_a_fixed_subset_of_the_training_images():
    a = sample_indices(1000, 100)
    assert np.array_equal(a, sample_indices(1000, 100))
    assert len(np.unique(a)) == 100 and np.all(np.diff(a) > 0) and a.max() < 1000
    assert np.array_equal(sample_indices(50, 100), np.arange(50))


def test_the_json_holds_the_grid_axes_path_shares_and_line(pca):
    data = pca.to_json()
    assert np.array(data["grid"]).shape == (GRID, GRID)
    assert data["axes"]["x"] == [pca.xs[0], pca.xs[-1]]
    assert [p["step"] for p in data["path"]] == pca.path.steps.tolist()
    assert data["explained"] == list(pca.plane.explained)
    assert [p["alpha"] for p in data["line"]] == LINE_ALPHAS.tolist()
