"""The coach's hint texts, marked for translation.

The English is the core's (nnviz.core.coach.TEXTS: templates with {named} values, and the
explanations); it is written out here only so that pyside6-lupdate puts it in the catalogue.
tests/gui/test_coach_panel.py checks that these are exactly the core's texts.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["HINT_TEXTS"]

HINT_TEXTS: dict[str, dict[str, str]] = {
    "divergence": {
        "message": QT_TRANSLATE_NOOP(
            "",
            "The loss exploded at step {step} (loss {loss}, its best was {best}): the learning "
            "rate {lr} is too large. Try {new_lr}.",
        ),
        "why": QT_TRANSLATE_NOOP(
            "",
            "A step that is too large overshoots the valley of the loss and lands higher up the "
            "other side, where the slope is steeper, so the next step is larger still: the loss "
            "grows without end. A learning rate ten times smaller takes steps the slope can "
            "guide.",
        ),
    },
    "lr_too_small": {
        "message": QT_TRANSLATE_NOOP(
            "",
            "After {steps} steps the training loss has hardly moved ({first} to {now}): the "
            "learning rate {lr} is probably too small. Try {new_lr}.",
        ),
        "why": QT_TRANSLATE_NOOP(
            "",
            "Each step moves the weights by the learning rate times the slope. When the rate is "
            "tiny, the weights creep and the loss stays where it started. Ten times larger is "
            "still safe for most networks; if the loss then explodes, step back.",
        ),
    },
    "dead_units": {
        "message": QT_TRANSLATE_NOOP(
            "",
            "{share} of the units of hidden layer {layer} never fire on the training digits "
            "(ReLU gives 0 for every one): they are dead and no longer learn. Try a smaller "
            "learning rate ({new_lr}).",
        ),
        "why": QT_TRANSLATE_NOOP(
            "",
            "A ReLU unit whose input is negative for every digit outputs 0 and has slope 0, so "
            "no gradient reaches its weights and it never comes back. A large first step often "
            "pushes units there. A smaller learning rate, or He initialisation, keeps them "
            "alive.",
        ),
    },
    "dead_units_he": {
        "message": QT_TRANSLATE_NOOP(
            "",
            "{share} of the units of hidden layer {layer} never fire on the training digits "
            "(ReLU gives 0 for every one): they are dead and no longer learn. Try a smaller "
            "learning rate ({new_lr}) and He initialisation.",
        ),
        "why": QT_TRANSLATE_NOOP(
            "",
            "A ReLU unit whose input is negative for every digit outputs 0 and has slope 0, so "
            "no gradient reaches its weights and it never comes back. A large first step often "
            "pushes units there. A smaller learning rate, or He initialisation, keeps them "
            "alive.",
        ),
    },
    "saturation": {
        "message": QT_TRANSLATE_NOOP(
            "",
            "{share} of the values of hidden layer {layer} sit where {activation} is flat (h' < "
            "0.1): they pass back less than a tenth of their gradient, so the layers below "
            "learn slowly. Try smaller initial weights (scale {new_scale}).",
        ),
        "why": QT_TRANSLATE_NOOP(
            "",
            "Sigmoid and tanh flatten out for large inputs: there h'(a) is close to 0, and "
            "backpropagation multiplies the gradient by h'(a) at every layer, so it fades. "
            "Smaller weights keep the inputs a near 0, where the curve is steep.",
        ),
    },
    "saturation_relu": {
        "message": QT_TRANSLATE_NOOP(
            "",
            "{share} of the values of hidden layer {layer} sit where {activation} is flat (h' < "
            "0.1): they pass back less than a tenth of their gradient, so the layers below "
            "learn slowly. Try ReLU with He initialisation.",
        ),
        "why": QT_TRANSLATE_NOOP(
            "",
            "Sigmoid and tanh flatten out for large inputs: there h'(a) is close to 0, and "
            "backpropagation multiplies the gradient by h'(a) at every layer, so it fades. ReLU "
            "has slope 1 for every positive input and does not saturate.",
        ),
    },
    "overfitting_l2": {
        "message": QT_TRANSLATE_NOOP(
            "",
            "The validation loss has risen for {count} evaluations in a row ({best} at step "
            "{best_step}, now {now}) while the training loss keeps falling: the network is "
            "learning the training digits by heart. Try L2 weight decay {value}, or stop at "
            "step {best_step}.",
        ),
        "why": QT_TRANSLATE_NOOP(
            "",
            "The validation digits are held out of training, so they show how the network does "
            "on digits it has not seen. When only the training loss still falls, the network "
            "fits quirks of its training digits. L2 weight decay keeps weights small and "
            "dropout keeps units from relying on each other; both help the network generalise.",
        ),
    },
    "overfitting_dropout": {
        "message": QT_TRANSLATE_NOOP(
            "",
            "The validation loss has risen for {count} evaluations in a row ({best} at step "
            "{best_step}, now {now}) while the training loss keeps falling: the network is "
            "learning the training digits by heart. Try dropout {value}, or stop at step "
            "{best_step}.",
        ),
        "why": QT_TRANSLATE_NOOP(
            "",
            "The validation digits are held out of training, so they show how the network does "
            "on digits it has not seen. When only the training loss still falls, the network "
            "fits quirks of its training digits. L2 weight decay keeps weights small and "
            "dropout keeps units from relying on each other; both help the network generalise.",
        ),
    },
    "plateau": {
        "message": QT_TRANSLATE_NOOP(
            "",
            "The training loss has stayed near {loss} for the last {steps} steps (it changed "
            "{change}). Try a smaller learning rate ({new_lr}) to settle further down.",
        ),
        "why": QT_TRANSLATE_NOOP(
            "",
            "On a plateau the steps no longer lower the loss: often they jump back and forth "
            "across a narrow valley. Smaller steps can go down into it; if nothing changes, the "
            "network may be too small for the task.",
        ),
    },
}
