"""The training coach: offline rules over a run record that say, with the run's own numbers,
what looks wrong and what to try.

:func:`hints` reads a :class:`~nnviz.core.recording.RunRecord` (live or loaded) and returns a
:class:`Hint` per rule whose pattern the run shows: divergence, a learning rate too small,
dead ReLU units, saturated sigmoid/tanh layers, overfitting (validation loss rising while the
training loss falls) and a plateau. Each hint carries a machine-readable ``fix`` (TrainingConfig
fields and their new values, e.g. ``{"lr": 0.1}``) and a ``why``, a short explanation. Its text
is an English template with named values (numbers already written out), so that the window can
show it translated: :data:`TEXTS` lists every template and explanation.

The rules read the training loss, the training slice and the validation split only: the test
set is never used to choose anything.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from nnviz.core.recording import RunRecord

__all__ = ["RULES", "TEXTS", "Hint", "WeightHistogram", "hints", "weight_histogram"]

# --- thresholds, each with its reason
_WINDOW = 20  # steps averaged into one reading of the noisy per-batch loss
_MIN_STEPS = 100  # steps before a rule about the loss's trend speaks (the first are noisy)
_EXPLODED = 3.0  # loss this many times its best (smoothed) value: the run is blowing up
_FLAT = 0.05  # a loss that fell by less than 5% since the start has hardly moved
_DEAD = 0.4  # 40% of a layer's units never active: a large part of the layer is lost
_SATURATED = 0.7  # 70% of a layer's values where sigmoid is flat: trained nets sit near 50%
_RISING = 3  # evaluations in a row with a rising validation loss: not noise any more
_PLATEAU_STEPS = 300  # steps the loss must have stayed flat for a plateau
_PLATEAU_CHANGE = 0.01  # less than 1% change over that stretch is flat
_FELL = 0.2  # a plateau comes after real progress: the loss fell at least 20% before
_DONE_ACCURACY = 0.99  # a run that fits its batches this well is finished, not stuck
_LR_FACTOR = 10.0  # the step a learning rate fix takes (one order of magnitude)
_PLATEAU_FACTOR = 3.0  # a gentler step down at a plateau
_L2 = 1e-4  # a weight decay that curbs overfitting of MNIST nets without hurting the fit
_DROPOUT = 0.2  # a dropout rate that helps without slowing learning much

#: the rules in the order their hints are given (the most urgent first)
RULES = ("divergence", "dead_units", "saturation", "lr_too_small", "overfitting", "plateau")

_OVERFITTING_WHY = (
    "The validation digits are held out of training, so they show how the network does on "
    "digits it has not seen. When only the training loss still falls, the network fits quirks "
    "of its training digits. L2 weight decay keeps weights small and dropout keeps units from "
    "relying on each other; both help the network generalise."
)

#: every English template and explanation a hint may use, by rule (the window translates these)
TEXTS: dict[str, dict[str, str]] = {
    "divergence": {
        "message": (
            "The loss exploded at step {step} (loss {loss}, its best was {best}): the learning "
            "rate {lr} is too large. Try {new_lr}."
        ),
        "why": (
            "A step that is too large overshoots the valley of the loss and lands higher up the "
            "other side, where the slope is steeper, so the next step is larger still: the loss "
            "grows without end. A learning rate ten times smaller takes steps the slope can guide."
        ),
    },
    "lr_too_small": {
        "message": (
            "After {steps} steps the training loss has hardly moved ({first} to {now}): the "
            "learning rate {lr} is probably too small. Try {new_lr}."
        ),
        "why": (
            "Each step moves the weights by the learning rate times the slope. When the rate is "
            "tiny, the weights creep and the loss stays where it started. Ten times larger is "
            "still safe for most networks; if the loss then explodes, step back."
        ),
    },
    "dead_units": {
        "message": (
            "{share} of the units of hidden layer {layer} never fire on the training digits "
            "(ReLU gives 0 for every one): they are dead and no longer learn. Try a smaller "
            "learning rate ({new_lr})."
        ),
        "why": (
            "A ReLU unit whose input is negative for every digit outputs 0 and has slope 0, so "
            "no gradient reaches its weights and it never comes back. A large first step often "
            "pushes units there. A smaller learning rate, or He initialisation, keeps them alive."
        ),
    },
    "dead_units_he": {
        "message": (
            "{share} of the units of hidden layer {layer} never fire on the training digits "
            "(ReLU gives 0 for every one): they are dead and no longer learn. Try a smaller "
            "learning rate ({new_lr}) and He initialisation."
        ),
        "why": (
            "A ReLU unit whose input is negative for every digit outputs 0 and has slope 0, so "
            "no gradient reaches its weights and it never comes back. A large first step often "
            "pushes units there. A smaller learning rate, or He initialisation, keeps them alive."
        ),
    },
    "saturation": {
        "message": (
            "{share} of the values of hidden layer {layer} sit where {activation} is flat "
            "(h' < 0.1): they pass back less than a tenth of their gradient, so the layers "
            "below learn slowly. Try smaller initial weights (scale {new_scale})."
        ),
        "why": (
            "Sigmoid and tanh flatten out for large inputs: there h'(a) is close to 0, and "
            "backpropagation multiplies the gradient by h'(a) at every layer, so it fades. "
            "Smaller weights keep the inputs a near 0, where the curve is steep."
        ),
    },
    "saturation_relu": {
        "message": (
            "{share} of the values of hidden layer {layer} sit where {activation} is flat "
            "(h' < 0.1): they pass back less than a tenth of their gradient, so the layers "
            "below learn slowly. Try ReLU with He initialisation."
        ),
        "why": (
            "Sigmoid and tanh flatten out for large inputs: there h'(a) is close to 0, and "
            "backpropagation multiplies the gradient by h'(a) at every layer, so it fades. "
            "ReLU has slope 1 for every positive input and does not saturate."
        ),
    },
    "overfitting_l2": {
        "message": (
            "The validation loss has risen for {count} evaluations in a row ({best} at step "
            "{best_step}, now {now}) while the training loss keeps falling: the network is "
            "learning the training digits by heart. Try L2 weight decay {value}, or stop at "
            "step {best_step}."
        ),
        "why": _OVERFITTING_WHY,
    },
    "overfitting_dropout": {
        "message": (
            "The validation loss has risen for {count} evaluations in a row ({best} at step "
            "{best_step}, now {now}) while the training loss keeps falling: the network is "
            "learning the training digits by heart. Try dropout {value}, or stop at step "
            "{best_step}."
        ),
        "why": _OVERFITTING_WHY,
    },
    "plateau": {
        "message": (
            "The training loss has stayed near {loss} for the last {steps} steps (it changed "
            "{change}). Try a smaller learning rate ({new_lr}) to settle further down."
        ),
        "why": (
            "On a plateau the steps no longer lower the loss: often they jump back and forth "
            "across a narrow valley. Smaller steps can go down into it; if nothing changes, "
            "the network may be too small for the task."
        ),
    },
}


@dataclass(frozen=True)
class Hint:
    """What a rule says about a run: ``text`` (a key of TEXTS) filled with ``values``."""

    rule: str  # one of RULES
    text: str  # the key of its template and explanation in TEXTS
    values: dict[str, str] = field(default_factory=dict)
    fix: dict[str, object] = field(default_factory=dict)  # TrainingConfig field -> new value
    step: int = 0  # the step the hint is about

    @property
    def template(self) -> str:
        return TEXTS[self.text]["message"]

    @property
    def message(self) -> str:
        """The hint in English, with the run's numbers."""
        return self.template.format(**self.values)

    @property
    def why(self) -> str:
        return TEXTS[self.text]["why"]

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "message": self.message,
            "why": self.why,
            "fix": dict(self.fix),
            "step": self.step,
        }


# ---------------------------------------------------------------------- reading the record
def _g(x: float) -> str:
    """A number as a learner reads it: 3 significant digits, no trailing zeros."""
    return f"{x:.3g}"


def _pct(x: float) -> str:
    return f"{x:.0%}"


def _current(record: RunRecord, name: str) -> float:
    """The value of a live hyperparameter now: the last change made to it, else the config's."""
    value = float(getattr(record.config, name))
    for _step, changed, _old, new in record.changes:
        if changed == name:
            value = new
    return value


def _smoothed(loss: np.ndarray) -> np.ndarray:
    """Means of consecutive windows of _WINDOW steps (the last one may be shorter)."""
    if loss.size == 0:
        return loss
    ok = np.isfinite(loss)
    starts = np.arange(0, loss.size, _WINDOW)
    sums = np.add.reduceat(np.where(ok, loss, 0.0), starts)
    counts = np.add.reduceat(ok.astype(np.float64), starts)
    return np.divide(sums, counts, out=np.full(starts.size, np.nan), where=counts > 0)


def _loss(record: RunRecord) -> np.ndarray:
    return record.step_column("loss")


# ---------------------------------------------------------------------- the rules
def _divergence(record: RunRecord) -> Hint | None:
    loss = _loss(record)
    lr = _current(record, "lr")
    fix = {"lr": float(_g(lr / _LR_FACTOR))}
    if record.status == "diverged":
        finite = loss[np.isfinite(loss)]
        best = float(finite.min()) if finite.size else float("nan")
        step = record.steps_recorded + 1
        said = re.search(r"\(loss ([^)]+)\)", record.message)  # the trainer's message
        last = said.group(1) if said else "inf"
        values = {
            "step": str(step),
            "loss": last,
            "best": _g(best),
            "lr": _g(lr),
            "new_lr": _g(fix["lr"]),
        }
        return Hint("divergence", "divergence", values, fix, step)
    windows = _smoothed(loss)
    if windows.size < 3:
        return None
    if not np.isfinite(windows[:-1]).any():
        return None
    best = float(np.nanmin(windows[:-1]))
    now = float(windows[-1])
    if not (now > _EXPLODED * best and now > windows[0]):
        return None
    step = record.steps_recorded
    values = {
        "step": str(step),
        "loss": _g(now),
        "best": _g(best),
        "lr": _g(lr),
        "new_lr": _g(fix["lr"]),
    }
    return Hint("divergence", "divergence", values, fix, step)


def _dead_units(record: RunRecord) -> Hint | None:
    if not record.evaluations_recorded:
        return None
    inactive = record.layer_diagnostics()["inactive"][-1]
    if not np.isfinite(inactive).any() or np.nanmax(inactive) < _DEAD:
        return None
    layer = int(np.nanargmax(inactive)) + 1
    lr = _current(record, "lr")
    fix: dict[str, object] = {"lr": float(_g(lr / _LR_FACTOR))}
    text = "dead_units"
    if record.config.init != "he":
        fix["init"] = "he"
        text = "dead_units_he"
    values = {
        "share": _pct(float(inactive[layer - 1])),
        "layer": str(layer),
        "new_lr": _g(fix["lr"]),
    }
    return Hint("dead_units", text, values, fix, int(record.eval_column("step")[-1]))


def _saturation(record: RunRecord) -> Hint | None:
    if not record.evaluations_recorded:
        return None
    saturated = record.layer_diagnostics()["saturated"][-1]
    if not np.isfinite(saturated).any() or np.nanmax(saturated) < _SATURATED:
        return None
    layer = int(np.nanargmax(saturated)) + 1
    config = record.config
    values = {
        "share": _pct(float(saturated[layer - 1])),
        "layer": str(layer),
        "activation": config.activation,
    }
    if config.init_scale > 0.5:  # weights can still be made smaller at the start
        new_scale = float(_g(min(config.init_scale, 1.0) * 0.5))
        values["new_scale"] = _g(new_scale)
        return Hint(
            "saturation", "saturation", values, {"init_scale": new_scale}, _eval_step(record)
        )
    fix = {"activation": "relu", "init": "he", "init_scale": 1.0}
    return Hint("saturation", "saturation_relu", values, fix, _eval_step(record))


def _eval_step(record: RunRecord) -> int:
    return int(record.eval_column("step")[-1])


def _lr_too_small(record: RunRecord) -> Hint | None:
    loss = _loss(record)
    if loss.size < _MIN_STEPS or record.status == "diverged":
        return None
    windows = _smoothed(loss)
    first, now = float(windows[0]), float(windows[-1])
    if not (math.isfinite(first) and math.isfinite(now)) or now < first * (1 - _FLAT):
        return None
    lr = _current(record, "lr")
    fix = {"lr": float(_g(lr * _LR_FACTOR))}
    values = {
        "steps": str(loss.size),
        "first": _g(first),
        "now": _g(now),
        "lr": _g(lr),
        "new_lr": _g(fix["lr"]),
    }
    return Hint("lr_too_small", "lr_too_small", values, fix, record.steps_recorded)


def _overfitting(record: RunRecord) -> Hint | None:
    if not record.has_validation or record.evaluations_recorded < _RISING + 1:
        return None
    loss_name = record.config.loss
    prefix = "mse" if loss_name == "mse" else "cross_entropy"
    val = record.eval_column(f"validation_{prefix}")
    train = record.eval_column(f"train_{prefix}")
    count = 0
    for i in range(val.size - 1, 0, -1):
        if val[i] > val[i - 1]:
            count += 1
        else:
            break
    if count < _RISING or not train[-1] < train[-1 - count]:
        return None
    best = int(np.nanargmin(val))
    steps = record.eval_column("step")
    if _current(record, "l2") == 0:
        name, value = "l2", _L2
    elif _current(record, "dropout") == 0:
        name, value = "dropout", _DROPOUT
    else:
        name, value = "l2", float(_g(_current(record, "l2") * _LR_FACTOR))
    values = {
        "count": str(count),
        "best": _g(float(val[best])),
        "best_step": str(int(steps[best])),
        "now": _g(float(val[-1])),
        "value": _g(value),
    }
    return Hint("overfitting", f"overfitting_{name}", values, {name: value}, int(steps[-1]))


def _plateau(record: RunRecord) -> Hint | None:
    loss = _loss(record)
    if loss.size < 2 * _PLATEAU_STEPS or record.status == "diverged":
        return None
    recent = loss[-_PLATEAU_STEPS:]
    half = _PLATEAU_STEPS // 2
    before, after = float(np.nanmean(recent[:half])), float(np.nanmean(recent[half:]))
    start = float(np.nanmean(loss[:_WINDOW]))
    if not all(map(math.isfinite, (before, after, start))) or before <= 0:
        return None
    change = (after - before) / before
    if abs(change) >= _PLATEAU_CHANGE or after > start * (1 - _FELL):
        return None
    accuracy = record.step_column("accuracy")[-1]
    if accuracy >= _DONE_ACCURACY:
        return None
    lr = _current(record, "lr")
    fix = {"lr": float(_g(lr / _PLATEAU_FACTOR))}
    values = {
        "loss": _g(after),
        "steps": str(_PLATEAU_STEPS),
        "change": f"{change:+.1%}",
        "new_lr": _g(fix["lr"]),
    }
    return Hint("plateau", "plateau", values, fix, record.steps_recorded)


_RULE_FUNCTIONS = {
    "divergence": _divergence,
    "dead_units": _dead_units,
    "saturation": _saturation,
    "lr_too_small": _lr_too_small,
    "overfitting": _overfitting,
    "plateau": _plateau,
}


def hints(record: RunRecord) -> list[Hint]:
    """Every hint the run's record calls for, most urgent first. A run that diverged or whose
    units died gets no advice to raise its learning rate (its loss is flat for that reason)."""
    found = [h for rule in RULES if (h := _RULE_FUNCTIONS[rule](record)) is not None]
    rules = {h.rule for h in found}
    if rules & {"divergence", "dead_units", "saturation"}:
        found = [h for h in found if h.rule not in ("lr_too_small", "plateau")]
    return found


# ---------------------------------------------------------------------- weight histograms
@dataclass(frozen=True)
class WeightHistogram:
    """Two histograms of one weight matrix over the same bins: at the start and now."""

    edges: np.ndarray  # (bins + 1,) bin edges spanning both
    initial: np.ndarray  # (bins,) share of the weights in each bin at step 0, in %
    now: np.ndarray  # (bins,) the same now


def weight_histogram(initial: np.ndarray, now: np.ndarray, bins: int = 40) -> WeightHistogram:
    """Histograms of ``initial`` and ``now`` (any shapes) over bins common to both, as shares
    in % (so matrices of any size compare)."""
    a = np.asarray(initial, dtype=np.float64).ravel()
    b = np.asarray(now, dtype=np.float64).ravel()
    both = np.concatenate([a[np.isfinite(a)], b[np.isfinite(b)]])
    lo, hi = (float(both.min()), float(both.max())) if both.size else (-1.0, 1.0)
    if hi <= lo:  # all weights equal (e.g. zeros): a small range around them
        lo, hi = lo - 0.5, hi + 0.5
    edges = np.linspace(lo, hi, bins + 1)

    def shares(values: np.ndarray) -> np.ndarray:
        counts, _ = np.histogram(values[np.isfinite(values)], bins=edges)
        return 100.0 * counts / max(values.size, 1)

    return WeightHistogram(edges, shares(a), shares(b))
