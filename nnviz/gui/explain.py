"""What every control, chart and panel of the window is and what to try with it, in a sentence or
two: shown in the status bar while the mouse is over it, and by Qt's What's This (Help > What's
this?, Shift+F1, then click anything) together with the control's current value.

The texts live here, keyed by where a widget sits in the window, so the features carry no help
texts and one test finds every control that has none. A widget's keys, tried in order:

- its ``explain`` property, when a feature sets one;
- the attribute that holds it (or the action a tool button shows) in an object above it:
  ``"TrainingPanel.start_button"``, ``"TrainingForm._editors[lr]"`` (then
  ``"TrainingForm._editors[]"`` for any entry of that dict), ``"ForwardControls.stage_buttons"``
  for a button of that QButtonGroup;
- its class name (``"NetworkView"``, ``"CurvesPanel"``).

A widget without a text of its own (a label inside a panel, a plot's viewport) takes the text of
the nearest widget above it that has one, so the panel's text explains its empty space.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QSlider,
    QStatusBar,
    QToolButton,
    QWhatsThis,
    QWidget,
)

__all__ = ["EXPLANATIONS", "Explainer", "current_value", "explanation", "widget_keys"]

_CONTEXT = "Explain"
_STATUS_MARGINS = 12  # px the status bar keeps left of a message and beside each widget


# English source texts (lupdate files them under "Explain"), shown translated
EXPLANATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- the layer graph
    "NetworkView": QT_TRANSLATE_NOOP(
        "Explain",
        "The layer graph: the input image, the hidden layers' nodes and the ten outputs. A "
        "node's colour is its value at the stage shown (red positive, blue negative, white "
        "zero); the edges are the largest terms w·x for this digit. Hover a node for its "
        "formula with the numbers, click to pin it.",
    ),
    "StageHeader": QT_TRANSLATE_NOOP(
        "Explain",
        "The stage shown, with its formula and what it means. Right and Left step through the "
        "forward pass, and on through the backward pass for a test digit.",
    ),
    "LegendBar": QT_TRANSLATE_NOOP(
        "Explain", "What the colours of the nodes and edges mean at this stage."
    ),
    "ForwardControls": QT_TRANSLATE_NOOP(
        "Explain",
        "Step the signal through the network: one stage at a time, or played as an animation.",
    ),
    "ForwardControls.actions_by_name[home]": QT_TRANSLATE_NOOP(
        "Explain", "Back to the input x (Home)."
    ),
    "ForwardControls.actions_by_name[prev_stage]": QT_TRANSLATE_NOOP(
        "Explain", "One stage back (Left)."
    ),
    "ForwardControls.actions_by_name[play]": QT_TRANSLATE_NOOP(
        "Explain",
        "Play the pass as an animation, or pause it (Space): pulses travel along the strongest "
        "edges, then the nodes fill.",
    ),
    "ForwardControls.actions_by_name[next_stage]": QT_TRANSLATE_NOOP(
        "Explain",
        "One stage on (Right): x, a1 = x·W1 + b1, z1 = h(a1), ... y = softmax(a3), then the "
        "backward pass for a test digit.",
    ),
    "ForwardControls.actions_by_name[prev_sample]": QT_TRANSLATE_NOOP(
        "Explain", "The previous test digit (P)."
    ),
    "ForwardControls.actions_by_name[next_sample]": QT_TRANSLATE_NOOP(
        "Explain", "The next test digit (N)."
    ),
    "ForwardControls.actions_by_name[random_sample]": QT_TRANSLATE_NOOP(
        "Explain", "A random test digit (R)."
    ),
    "ForwardControls.stage_buttons": QT_TRANSLATE_NOOP(
        "Explain",
        "Jump to this stage. The top row is the forward pass, the second row the backward "
        "pass: the loss E and the gradients from the output back to the input.",
    ),
    "ForwardControls.speed_slider": QT_TRANSLATE_NOOP(
        "Explain", "How fast the animation plays. Slow it down to follow each pulse."
    ),
    "ForwardControls.sample_spin": QT_TRANSLATE_NOOP(
        "Explain",
        "Which of the 10,000 test digits goes through the network. Type a number, or use N, P "
        "and R.",
    ),
    "ForwardControls.misclassified_check": QT_TRANSLATE_NOOP(
        "Explain",
        "Visit only the test digits the network gets wrong: try them to see where it is unsure.",
    ),
    # ---------------------------------------------------------------- explorers
    "ActivationExplorer": QT_TRANSLATE_NOOP(
        "Explain",
        "The activation function h and its slope h′ (dashed), with the current layer's own "
        "values as dots. Where h′ < 0.1 (shaded) a unit is saturated and passes almost no "
        "gradient back.",
    ),
    "ActivationExplorer.function": QT_TRANSLATE_NOOP(
        "Explain",
        "Which activation function to plot: sigmoid, tanh, ReLU, Leaky ReLU max(0.1x, x), ELU, "
        "Maxout or identity. The dots always belong to the network's own function.",
    ),
    "ActivationExplorer.show_network": QT_TRANSLATE_NOOP(
        "Explain", "Put the pre-activations a of the layer shown on the curve, one dot per unit."
    ),
    "ActivationExplorer.compare": QT_TRANSLATE_NOOP(
        "Explain", "Draw other activation functions on the same axes."
    ),
    "ActivationExplorer.compare_boxes[]": QT_TRANSLATE_NOOP(
        "Explain", "Draw this function too, for comparison."
    ),
    "ActivationExplorer.compare_derivatives": QT_TRANSLATE_NOOP(
        "Explain",
        "Draw the slopes h′ of the compared functions too: compare where each one saturates.",
    ),
    "ParamSlider": QT_TRANSLATE_NOOP(
        "Explain",
        "A parameter of the function (Leaky ReLU's slope, ELU's α, a Maxout piece): drag it "
        "and watch the curve and its slope change.",
    ),
    "ActivationPlots": QT_TRANSLATE_NOOP(
        "Explain",
        "Top: h (solid) and its slope h′ (dashed), the layer's units as dots, shaded where "
        "h′ < 0.1; below: how the layer's pre-activations a are spread.",
    ),
    "ParamSlider.slider": QT_TRANSLATE_NOOP(
        "Explain",
        "Drag to change the function's parameter and watch the curve and its slope follow.",
    ),
    "SoftmaxView": QT_TRANSLATE_NOOP(
        "Explain",
        "Softmax turns the output layer's values a3 into probabilities that add up to 1; the "
        "loss measures how far they are from the answer.",
    ),
    "SoftmaxView.bars": QT_TRANSLATE_NOOP(
        "Explain",
        "The logits a3, their exponentials exp(a3) and the probabilities y = exp(a3) / Σ exp(a3), "
        "class by class.",
    ),
    "SoftmaxView.temperature": QT_TRANSLATE_NOOP(
        "Explain",
        "The softmax temperature T in exp(a/T): above 1 the probabilities even out, below 1 the "
        "largest one takes almost everything.",
    ),
    "SoftmaxView.loss_plot": QT_TRANSLATE_NOOP(
        "Explain",
        "Cross-entropy -log p and mean squared error as functions of the probability p the "
        "network gives the true class, with this digit's point: a confident mistake costs "
        "without limit in cross-entropy.",
    ),
    "DrawingPad": QT_TRANSLATE_NOOP(
        "Explain",
        "Draw a digit with the mouse: it is turned into a 28×28 input like MNIST's and sent "
        "through the network when the pen lifts.",
    ),
    "DigitCanvas": QT_TRANSLATE_NOOP("Explain", "Draw here with the left mouse button."),
    "DigitPreview": QT_TRANSLATE_NOOP(
        "Explain",
        "What the network sees: your drawing cropped, scaled to 20×20 and centred in 28×28 "
        "pixels, as MNIST's digits were prepared.",
    ),
    "DrawingPad.brush": QT_TRANSLATE_NOOP(
        "Explain", "How thick the pen is. MNIST's strokes are about 2-3 pixels wide."
    ),
    "DrawingPad.clear_button": QT_TRANSLATE_NOOP("Explain", "Wipe the drawing and start again."),
    "DrawingPad.meant": QT_TRANSLATE_NOOP(
        "Explain",
        "The digit you meant: with it the drawing has a label, so the loss and the backward "
        "pass can be shown for it.",
    ),
    # ---------------------------------------------------------------- training
    "TrainingPanel": QT_TRANSLATE_NOOP(
        "Explain",
        "Train the network on MNIST here, live: choose the settings, press Start and watch the "
        "curves, the graph and the results change.",
    ),
    "TrainingPanel.start_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Start training with the settings above, in the background: the window stays usable.",
    ),
    "TrainingPanel.pause_button": QT_TRANSLATE_NOOP(
        "Explain", "Pause the run (and resume it). While paused, Step trains one batch at a time."
    ),
    "TrainingPanel.step_button": QT_TRANSLATE_NOOP(
        "Explain", "Train on one batch and stop: one step of gradient descent, to watch it happen."
    ),
    "TrainingPanel.stop_button": QT_TRANSLATE_NOOP(
        "Explain", "End the run; the network keeps what it has learned."
    ),
    "TrainingPanel.reset_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Back to the untrained network of the seed in the settings: the weights the next Start "
        "begins from.",
    ),
    "TrainingPanel.same_weights": QT_TRANSLATE_NOOP(
        "Explain",
        "Start the next run from the same initial weights, so that two runs differ only by "
        "their settings.",
    ),
    "TrainingPanel.seed_back": QT_TRANSLATE_NOOP("Explain", "Go back to the seed of the last run."),
    "TrainingForm.preset_box": QT_TRANSLATE_NOOP(
        "Explain", "Ready-made settings: book (the book's network and recipe), fast, or best."
    ),
    "TrainingForm._editors[hidden]": QT_TRANSLATE_NOOP(
        "Explain",
        "The sizes of the hidden layers, separated by commas (the book: 50,100). Try one layer of "
        "10 units and see how much it loses.",
    ),
    "TrainingForm._editors[activation]": QT_TRANSLATE_NOOP(
        "Explain",
        "The activation function h of the hidden layers. Try ReLU against sigmoid and compare "
        "how fast they learn.",
    ),
    "TrainingForm._editors[activation_param]": QT_TRANSLATE_NOOP(
        "Explain",
        "The activation function's parameter (a slope, α or a number of pieces), when it has one.",
    ),
    "TrainingForm._editors[init]": QT_TRANSLATE_NOOP(
        "Explain",
        "How the initial weights are drawn: the book's 0.01·N(0, 1), Xavier (for sigmoid and tanh) "
        "or He (for ReLU). Try the book's with a deep network and watch the signal fade.",
    ),
    "TrainingForm._editors[seed]": QT_TRANSLATE_NOOP(
        "Explain",
        "The random seed of the initial weights and of the batch order: the same seed gives the "
        "same run.",
    ),
    "TrainingForm._editors[loss]": QT_TRANSLATE_NOOP(
        "Explain",
        "The loss function minimised: cross-entropy E = -Σ t log y or mean squared error "
        "E = ½ Σ (y - t)². Try MSE and compare the curves.",
    ),
    "TrainingForm._editors[optimizer]": QT_TRANSLATE_NOOP(
        "Explain", "How the gradient changes the weights: plain SGD, momentum, AdaGrad or Adam."
    ),
    "TrainingForm._editors[lr]": QT_TRANSLATE_NOOP(
        "Explain",
        "The learning rate η in W ← W - η·dE/dW: too small and the loss hardly moves, too "
        "large and it jumps or explodes. Try ×10 and ×0.1.",
    ),
    "TrainingForm._editors[lr_schedule]": QT_TRANSLATE_NOOP(
        "Explain",
        "Keep the learning rate constant, or lower it along a cosine to the end of the run.",
    ),
    "TrainingForm._editors[batch_size]": QT_TRANSLATE_NOOP(
        "Explain",
        "How many images each step learns from: the gradient is their average. Small batches "
        "are noisy, large ones smooth but take fewer steps.",
    ),
    "TrainingForm._editors[epochs]": QT_TRANSLATE_NOOP(
        "Explain", "How many times the run goes through all 60,000 training images."
    ),
    "TrainingForm._editors[dataset]": QT_TRANSLATE_NOOP(
        "Explain", "The data to learn from: mnist, fashion-mnist or a folder of IDX files."
    ),
    "TrainingForm._editors[evals_per_epoch]": QT_TRANSLATE_NOOP(
        "Explain", "How often per epoch the test set is scored for the curves and the results."
    ),
    "TrainingForm._editors[]": QT_TRANSLATE_NOOP(
        "Explain", "A training setting; invalid values are refused at the field."
    ),
    "ProgressView": QT_TRANSLATE_NOOP(
        "Explain", "How far the run is, how fast it trains and the time left."
    ),
    "CurvesPanel": QT_TRANSLATE_NOOP(
        "Explain",
        "The run's loss and accuracy as it trains: every batch faint, smoothed on top, the test "
        "set's at each evaluation. Earlier runs stay dimmed for comparison.",
    ),
    "CurvePlots": QT_TRANSLATE_NOOP(
        "Explain",
        "Left: the loss (each batch faint, smoothed on top, the test set's at each evaluation); "
        "right: the accuracy on the test set and on a slice of the training set.",
    ),
    "CurvesPanel.x_box": QT_TRANSLATE_NOOP(
        "Explain", "Plot against steps, epochs, images seen or seconds."
    ),
    "CurvesPanel.smoothing_slider": QT_TRANSLATE_NOOP(
        "Explain", "How strongly the batch losses are smoothed (an exponential moving average)."
    ),
    "CurvesPanel.log_loss_box": QT_TRANSLATE_NOOP(
        "Explain", "A logarithmic loss axis: late, small improvements become visible."
    ),
    "CurvesPanel.log_x_box": QT_TRANSLATE_NOOP(
        "Explain",
        "A logarithmic step axis: the first steps, where learning is fastest, spread out.",
    ),
    "CurvesPanel.clear_button": QT_TRANSLATE_NOOP(
        "Explain", "Remove the earlier runs from the plots."
    ),
    "CurvesPanel.export_button": QT_TRANSLATE_NOOP(
        "Explain", "Save the curves as a CSV table or a PNG picture."
    ),
    "Timeline": QT_TRANSLATE_NOOP(
        "Explain",
        "Time travel: the steps of the run shown, at the kept weight snapshots. Drag back to see "
        "the whole window as it was at that step.",
    ),
    "Timeline.slider": QT_TRANSLATE_NOOP(
        "Explain",
        "Drag to a step of the run: the graph, the passes, the explorers and the results show "
        "the network as it was then.",
    ),
    "Timeline.latest_button": QT_TRANSLATE_NOOP("Explain", "Back to the newest step of the run."),
    "ResultsPanel": QT_TRANSLATE_NOOP(
        "Explain",
        "How the network on screen does on the 10,000 test digits: the confusion matrix and "
        "the digits it gets wrong.",
    ),
    "ResultsPanel.confusion": QT_TRANSLATE_NOOP(
        "Explain",
        "Row: the true digit; column: the network's answer. The diagonal is right; a bright cell "
        "off it is a common mistake (click it to see those digits).",
    ),
    "ResultsPanel.gallery": QT_TRANSLATE_NOOP(
        "Explain",
        "The misclassified digits: said / is. Click one to follow it through the network.",
    ),
    "ResultsPanel.show_all_button": QT_TRANSLATE_NOOP(
        "Explain", "Show every mistake again, not only one cell's."
    ),
    "WeightsView.plot": QT_TRANSLATE_NOOP(
        "Explain",
        "One tile per first-layer unit: its 784 weights as 28×28 (red positive, blue negative). "
        "Hover a tile to see which unit it is.",
    ),
    "WeightsView": QT_TRANSLATE_NOOP(
        "Explain",
        "Each first-layer unit's 784 weights as a 28×28 picture: what it looks for in the "
        "image. Watch them grow from noise into strokes while training.",
    ),
    # ---------------------------------------------------------------- how it learns
    "LearningPanel": QT_TRANSLATE_NOOP(
        "Explain",
        "How the network learns from the digit on screen: one step of gradient descent, the "
        "loss as a function of one weight, and a check of backpropagation.",
    ),
    "LearningPanel.loss_box": QT_TRANSLATE_NOOP(
        "Explain", "The loss whose gradient is followed: cross-entropy or MSE."
    ),
    "LearningPanel.lr_box": QT_TRANSLATE_NOOP(
        "Explain",
        "The learning rate η of this one-digit step (by default its share of a training step: "
        "lr / batch size).",
    ),
    "LearningPanel.step_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Apply W ← W - η·dE/dW for this digit to every weight and bias: E and the true class's "
        "probability before and after.",
    ),
    "LearningPanel.undo_button": QT_TRANSLATE_NOOP(
        "Explain", "Take the step back: the weights return to what they were."
    ),
    "LearningPanel.weight_box": QT_TRANSLATE_NOOP(
        "Explain", "Which weight to vary (among those with the largest slope dE/dw for this digit)."
    ),
    "LearningPanel.plot": QT_TRANSLATE_NOOP(
        "Explain",
        "The loss E as a function of one weight, with backpropagation's tangent at the current "
        "value: its slope is dE/dw.",
    ),
    "LearningPanel.two_weights": QT_TRANSLATE_NOOP(
        "Explain",
        "Vary a second weight too: the loss over the two as a map, with gradient descent's path.",
    ),
    "LearningPanel.second_box": QT_TRANSLATE_NOOP("Explain", "The second weight of the map."),
    "LearningPanel.surface_plot": QT_TRANSLATE_NOOP(
        "Explain",
        "The loss over two weights (darker is lower) and the path gradient descent takes.",
    ),
    "LearningPanel.check_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Compute every slope again by central differences, (E(w+h) - E(w-h)) / 2h, and compare "
        "with backpropagation.",
    ),
    "LearningPanel.cancel_button": QT_TRANSLATE_NOOP("Explain", "Stop the numerical check."),
    # ---------------------------------------------------------------- lesson
    "LessonPanel": QT_TRANSLATE_NOOP(
        "Explain",
        "The guided lesson, one step per slide of the deck: each step sets the window up and "
        "invites one thing to try.",
    ),
    "LessonPanel.back_button": QT_TRANSLATE_NOOP("Explain", "The previous step of the lesson."),
    "LessonPanel.next_button": QT_TRANSLATE_NOOP("Explain", "The next step of the lesson."),
    "LandscapePanel": QT_TRANSLATE_NOOP(
        "Explain",
        "The loss landscape of a run: the loss over a plane through the final weights, with the "
        "path the weights took across it, and the loss along the straight line from the start to "
        "the end.",
    ),
    "LandscapePanel.plane_box": QT_TRANSLATE_NOOP(
        "Explain",
        "The plane of the map: the two main directions (PCA) of the run's path, or two random "
        "directions scaled like each unit's weights.",
    ),
    "LandscapePanel.seed_box": QT_TRANSLATE_NOOP(
        "Explain",
        "The seed of the two random directions: the same seed gives the same plane.",
    ),
    "LandscapePanel.grid_box": QT_TRANSLATE_NOOP(
        "Explain",
        "How many points a side the map has: more is finer and slower.",
    ),
    "LandscapePanel.samples_box": QT_TRANSLATE_NOOP(
        "Explain",
        "How many training images the loss is measured on (always the same ones).",
    ),
    "LandscapePanel.other_box": QT_TRANSLATE_NOOP(
        "Explain",
        "Draw the path of another run of the same network on this map, for example another "
        "learning rate from the same initial weights.",
    ),
    "LandscapePanel.compute_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Compute the map, the path and the line in the background, coarse first: the window "
        "stays usable.",
    ),
    "LandscapePanel.cancel_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Stop the computation.",
    ),
    "LandscapePlots.graphics": QT_TRANSLATE_NOOP(
        "Explain",
        "Left: the loss over the plane (darker is lower) with contour lines and the run's path, "
        "epochs marked; click the path to go to that step. Right: the loss along the straight "
        "line from the start (0) to the end (1), beside the run's own loss.",
    ),
    "Timeline.play_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Replay the run from the step shown: each kept step in turn, the weights moving smoothly "
        "between them. Press again to pause.",
    ),
    "Timeline.speed_box": QT_TRANSLATE_NOOP(
        "Explain",
        "How fast the replay goes: 1x shows two kept steps a second.",
    ),
    "ProbesPanel": QT_TRANSLATE_NOOP(
        "Explain",
        "Probe the network on screen: how sure it is, how it copes with damaged digits, what a "
        "hidden layer has learned, and what happens when you break it.",
    ),
    "EvaluateTab": QT_TRANSLATE_NOOP(
        "Explain",
        "How the network does on the whole test set: digit by digit, and how sure it is when it "
        "answers.",
    ),
    "EvaluateTab.bars_plot": QT_TRANSLATE_NOOP(
        "Explain",
        "The share of each digit the network gets right: the short bars are the digits it finds "
        "hard.",
    ),
    "EvaluateTab.threshold_slider": QT_TRANSLATE_NOOP(
        "Explain",
        "Answer only when the network is at least this sure: the fewer digits it answers, the "
        "more of those it gets right.",
    ),
    "EvaluateTab.curve_plot": QT_TRANSLATE_NOOP(
        "Explain",
        "Accuracy on the digits answered against the share answered, as the confidence threshold "
        "moves.",
    ),
    "EvaluateTab.mistakes": QT_TRANSLATE_NOOP(
        "Explain",
        "The mistakes the network was surest of: said / how sure / is. Click one to follow it "
        "through the network.",
    ),
    "RobustnessTab": QT_TRANSLATE_NOOP(
        "Explain",
        "How the accuracy falls as the test digits are damaged: noise, rotation, thicker or "
        "thinner strokes, a shift.",
    ),
    "RobustnessTab.kind_box": QT_TRANSLATE_NOOP(
        "Explain",
        "The kind of damage done to the test digits.",
    ),
    "RobustnessTab.compute_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Damage the whole test set at 10 strengths and score the network at each, in the "
        "background.",
    ),
    "RobustnessTab.cancel_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Stop computing the curve.",
    ),
    "RobustnessTab.plot": QT_TRANSLATE_NOOP(
        "Explain",
        "Test accuracy against the strength of the damage (strength 0: the digits as they are).",
    ),
    "RobustnessTab.slider": QT_TRANSLATE_NOOP(
        "Explain",
        "The strength of the damage shown in the examples below.",
    ),
    "MapTab": QT_TRANSLATE_NOOP(
        "Explain",
        "A map of what a hidden layer sees: each test digit is a dot placed by its layer's "
        "activations, coloured by its class.",
    ),
    "MapTab.layer_box": QT_TRANSLATE_NOOP(
        "Explain",
        "The hidden layer whose activations are mapped.",
    ),
    "MapTab.method_box": QT_TRANSLATE_NOOP(
        "Explain",
        "How the many activations become two coordinates: PCA at once, or t-SNE (slower, keeps "
        "neighbours together).",
    ),
    "MapTab.weights_box": QT_TRANSLATE_NOOP(
        "Explain",
        "The weights the map is made with: the network on screen, or the run's first snapshot "
        "(before training), to see the classes separate.",
    ),
    "MapTab.cancel_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Stop making the map.",
    ),
    "MapTab.plot": QT_TRANSLATE_NOOP(
        "Explain",
        "One dot per test digit, coloured by its class: digits the layer sees alike lie close. "
        "Hover a dot to see its digit, click it to send it through the network.",
    ),
    "LabTab": QT_TRANSLATE_NOOP(
        "Explain",
        "Break the trained network on a copy and watch the test accuracy: prune, add noise, "
        "switch units off. Reset returns to the trained weights.",
    ),
    "LabTab.prune_slider": QT_TRANSLATE_NOOP(
        "Explain",
        "Set this share of all weights, the smallest in size, to 0: how many can go before the "
        "accuracy falls?",
    ),
    "LabTab.noise_slider": QT_TRANSLATE_NOOP(
        "Explain",
        "Add random noise of this size to every weight.",
    ),
    "LabTab.layer_box": QT_TRANSLATE_NOOP(
        "Explain",
        "The hidden layer of the unit to change.",
    ),
    "LabTab.unit_spin": QT_TRANSLATE_NOOP(
        "Explain",
        "Which unit of that layer to change.",
    ),
    "LabTab.off_box": QT_TRANSLATE_NOOP(
        "Explain",
        "Switch the unit off: its outgoing weights become 0, so the next layer no longer hears it.",
    ),
    "LabTab.scale_spin": QT_TRANSLATE_NOOP(
        "Explain",
        "Multiply the unit's incoming weights by this factor.",
    ),
    "LabTab.bias_spin": QT_TRANSLATE_NOOP(
        "Explain",
        "Add this to the unit's bias.",
    ),
    "LabTab.in_window_box": QT_TRANSLATE_NOOP(
        "Explain",
        "Show the changed network in the whole window (graph, passes, results) as an unsaved "
        "change.",
    ),
    "LabTab.reset_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Undo every change: back to the trained weights.",
    ),
    "LabTab.save_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Save the changed network as a new model file (never over the original).",
    ),
    "PixelPanel": QT_TRANSLATE_NOOP(
        "Explain",
        "The digit on screen as the deck shows it: 28×28 pixels, each a number from 0 (paper) to "
        "255 (ink). The network receives each value divided by 255.",
    ),
    "PixelGrid": QT_TRANSLATE_NOOP(
        "Explain",
        "Each cell is one pixel with its value 0-255, shaded by it. Hover a cell for its row, "
        "column, value and what the network receives (value / 255).",
    ),
    "PixelPanel.zoom_box": QT_TRANSLATE_NOOP(
        "Explain",
        "Show the middle of the digit larger, so every cell's number can be read.",
    ),
    "DataPanel": QT_TRANSLATE_NOOP(
        "Explain",
        "The data and its labels: a row of examples for each class, with how many of each class "
        "the training and test sets hold.",
    ),
    "ClassMosaic": QT_TRANSLATE_NOOP(
        "Explain",
        "Examples of each class, one row per label. Click a digit to send it through the network.",
    ),
    "DataPanel.split_box": QT_TRANSLATE_NOOP(
        "Explain",
        "Show examples from the training set (what the network learns from) or from the test set "
        "(what it is scored on).",
    ),
    "TrainingForm._editors[momentum]": QT_TRANSLATE_NOOP(
        "Explain",
        "Momentum: each step keeps this share of the previous one, so the weights roll on "
        "through flat stretches (0.9 is usual). Can be changed while training.",
    ),
    "TrainingForm._editors[l2]": QT_TRANSLATE_NOOP(
        "Explain",
        "L2 weight decay λ: adds (λ/2)·Σw² to the loss, pulling every weight towards 0. Try "
        "0.0001 when the validation loss rises while the training loss falls.",
    ),
    "TrainingForm._editors[dropout]": QT_TRANSLATE_NOOP(
        "Explain",
        "Dropout: the share of hidden units switched off at random in each training step, so no "
        "unit can rely on another. Try 0.2 against overfitting.",
    ),
    "TrainingForm._editors[validation]": QT_TRANSLATE_NOOP(
        "Explain",
        "The share of the training images held out to check the run on digits it does not learn "
        "from: the test set stays untouched until the end.",
    ),
    "TrainingForm._editors[augment]": QT_TRANSLATE_NOOP(
        "Explain",
        "Augmentation: each training image is shifted, rotated a little or given noise at "
        "random, so the network sees more variety.",
    ),
    "TrainingForm._editors[init_scale]": QT_TRANSLATE_NOOP(
        "Explain",
        "Multiplies the initial weights: try 10 with sigmoid and watch the units saturate, or "
        "0.1 and watch the signal fade layer after layer.",
    ),
    "AugmentPreview": QT_TRANSLATE_NOOP(
        "Explain",
        "A few training digits as augmentation changes them: what the network learns from.",
    ),
    "AugmentPreview.again": QT_TRANSLATE_NOOP(
        "Explain",
        "Draw new random augmentations of the digits.",
    ),
    "TrainingPanel.pace_box": QT_TRANSLATE_NOOP(
        "Explain",
        "Full speed, or slow motion: a few steps a second, so each step can be watched on the "
        "graph and the curves.",
    ),
    "CoachPanel": QT_TRANSLATE_NOOP(
        "Explain",
        "The coach: how each layer is learning, live from the run, and hints with the run's own "
        "numbers about what looks wrong and what to try.",
    ),
    "DiagnosticsPlots": QT_TRANSLATE_NOOP(
        "Explain",
        "Per layer, over the run: how strongly the weights are pushed, how much each step "
        "changes them, dead and saturated units, and how the weights spread.",
    ),
    "DiagnosticsPlots.widgets[0]": QT_TRANSLATE_NOOP(
        "Explain",
        "The size of each layer's gradient (RMS of dE/dW, log scale): a layer whose gradient is "
        "far smaller than the others' hardly learns.",
    ),
    "DiagnosticsPlots.widgets[1]": QT_TRANSLATE_NOOP(
        "Explain",
        "How much one step changes each layer's weights, relative to their size (about 0.001 is "
        "healthy; 0.1 is too much, 1e-6 too little).",
    ),
    "DiagnosticsPlots.widgets[2]": QT_TRANSLATE_NOOP(
        "Explain",
        "The share of dead ReLU units (never active) and of saturated sigmoid or tanh units (h′ "
        "< 0.1), at each evaluation.",
    ),
    "DiagnosticsPlots.widgets[3]": QT_TRANSLATE_NOOP(
        "Explain",
        "How the chosen layer's weights are spread now, against where they started.",
    ),
    "DiagnosticsPlots.layer_box": QT_TRANSLATE_NOOP(
        "Explain",
        "The layer whose weights the histogram shows.",
    ),
    "HintsView": QT_TRANSLATE_NOOP(
        "Explain",
        "Hints: what looks wrong in this run, with its own numbers, and what to try.",
    ),
    "HintsView.enabled_box": QT_TRANSLATE_NOOP(
        "Explain",
        "Turn the coach's hints on or off.",
    ),
    "HintCard.apply_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Apply the suggested fix to the settings (and to the run, for what can change while it "
        "trains).",
    ),
    "HintCard.why_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Why this hint: a short explanation of the problem and the fix.",
    ),
    "ComparePanel": QT_TRANSLATE_NOOP(
        "Explain",
        "Two runs side by side at one step: their accuracy curves, their answers for the digit "
        "on screen, their accuracy per class and their first-layer weights.",
    ),
    "ComparePanel.a_box": QT_TRANSLATE_NOOP(
        "Explain",
        "The first run to compare (runs on the curves, or run files added here).",
    ),
    "ComparePanel.b_box": QT_TRANSLATE_NOOP(
        "Explain",
        "The second run to compare. For a fair test, train both from the same initial weights.",
    ),
    "ComparePanel.add_button": QT_TRANSLATE_NOOP(
        "Explain",
        "Add a run saved in a file (File > Save run, or nnviz train --record) to the runs you "
        "can compare.",
    ),
    "ComparePanel.slider": QT_TRANSLATE_NOOP(
        "Explain",
        "The step at which the two runs are compared; it follows the timeline.",
    ),
    "ComparePanel.plots": QT_TRANSLATE_NOOP(
        "Explain",
        "The two runs' accuracy curves on one plot, with the step compared as a cursor.",
    ),
}


def _holder_key(target: QObject, holder: QObject) -> str | None:
    """``Class.attr`` or ``Class.attr[key]`` of the attribute of ``holder`` that is
    ``target`` (or a QButtonGroup, dict, list or tuple holding it)."""
    try:
        attributes = vars(holder)
    except TypeError:
        return None
    name = type(holder).__name__
    for attr, value in attributes.items():
        if value is target:
            return f"{name}.{attr}"
        if isinstance(value, dict):
            for key, item in value.items():
                if item is target:
                    return f"{name}.{attr}[{key}]"
        if isinstance(value, list | tuple):
            for index, item in enumerate(value):
                if item is target:
                    return f"{name}.{attr}[{index}]"
        if isinstance(value, QButtonGroup) and isinstance(target, QAbstractButton):
            if target in value.buttons():
                return f"{name}.{attr}"
    return None


def widget_keys(widget: QWidget) -> list[str]:
    """The keys of ``widget``'s own text, most specific first (see the module's docstring)."""
    keys: list[str] = []
    own = widget.property("explain")
    if isinstance(own, str) and own:
        keys.append(own)
    targets: list[QObject] = [widget]
    if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
        targets.insert(0, widget.defaultAction())
    for target in targets:
        holder = widget.parent()
        while holder is not None:
            key = _holder_key(target, holder)
            if key is not None:
                keys.append(key)
                if key.endswith("]"):
                    keys.append(key[: key.rindex("[")] + "[]")
                break
            holder = holder.parent()
    keys.append(type(widget).__name__)
    return keys


def _own_text(widget: QWidget) -> str | None:
    for key in widget_keys(widget):
        if key in EXPLANATIONS:
            return QCoreApplication.translate(_CONTEXT, EXPLANATIONS[key])
    return None


def explanation(widget: QWidget | None) -> str | None:
    """The translated text of ``widget``, or of the nearest widget above it that has one."""
    while widget is not None:
        text = _own_text(widget)
        if text is not None:
            return text
        widget = widget.parentWidget()
    return None


def current_value(widget: QWidget) -> str | None:
    """A control's value as the learner sees it, or None for what has no single value."""
    if isinstance(widget, QAbstractSpinBox | QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QSlider):
        return str(widget.value())
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        if widget.isChecked():
            return QCoreApplication.translate("Explain", "on")
        return QCoreApplication.translate("Explain", "off")
    return None


def _control(widget: QWidget) -> QWidget:
    """The control a click landed in (a spin box's line edit belongs to the spin box)."""
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox):
        return parent
    return widget


_WATCHED = (QEvent.Type.Enter, QEvent.Type.Leave, QEvent.Type.QueryWhatsThis, QEvent.Type.WhatsThis)


class Explainer(QObject):
    """Watches ``window``'s widgets: the status bar explains what the mouse is over, and
    What's This mode (``self.action``, Shift+F1) explains what is clicked, with its value."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._shown: str | None = None  # the hover text the status bar shows
        self._whole: str = ""  # ... before it was shortened to the bar's width
        self.action: QAction = QWhatsThis.createAction(window)
        # the application's events are watched only while the window is on screen: a closed
        # window (or one a test left behind) costs the others nothing
        window.installEventFilter(self)
        if window.isVisible():
            QApplication.instance().installEventFilter(self)

    def _in_window(self, obj: QObject) -> bool:
        return isinstance(obj, QWidget) and obj.window() is self._window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        kind = event.type()
        if obj is self._window and kind in (QEvent.Type.Show, QEvent.Type.Hide):
            app = QApplication.instance()
            if kind == QEvent.Type.Show:
                app.installEventFilter(self)
            else:
                app.removeEventFilter(self)
                self._hover(None)
            return False
        if kind == QEvent.Type.Resize and self._shown is not None:
            bar = self._window.statusBar()
            if obj is bar and bar.currentMessage() == self._shown:
                self._show_fitted(bar)  # as much of the text as the new width holds
            return False
        if kind not in _WATCHED:
            return False
        if kind == QEvent.Type.Leave:
            if obj is self._window:  # the mouse left the window: nothing is under it
                self._hover(None)
            return False
        if not self._in_window(obj):
            return False
        if kind == QEvent.Type.Enter:
            self._hover(obj)
            return False
        control = _control(obj)
        text = explanation(control)
        if text is None:
            return False
        if kind == QEvent.Type.QueryWhatsThis:
            event.accept()
            return True
        QWhatsThis.showText(event.globalPos(), self.pick_text(control, text), control)
        return True

    def pick_text(self, control: QWidget, text: str) -> str:
        value = current_value(control)
        if value is None or value == "":
            return text
        now = QCoreApplication.translate("Explain", "Now: {value}").format(value=value)
        return f"{text}\n\n{now}"

    def _hover(self, widget: QWidget | None) -> None:
        bar = self._window.statusBar()
        text = explanation(widget)
        if text is None:
            if self._shown is not None and bar.currentMessage() == self._shown:
                bar.clearMessage()
            self._shown = None
            return
        self._whole = text
        self._show_fitted(bar)

    def _show_fitted(self, bar: QStatusBar) -> None:
        text = _fitted(bar, self._whole)
        if text != bar.currentMessage():
            bar.showMessage(text)
        self._shown = text

    def remove(self) -> None:
        QApplication.instance().removeEventFilter(self)


def _fitted(bar: QStatusBar, text: str) -> str:
    """``text`` on one line, ending in "…" where it would run under the status bar's permanent
    widgets (there, Qt cuts it off mid-word: "... the edges are the largest terms wdefault.npz");
    What's This (Shift+F1) shows it whole."""
    direct = bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    # by their widths, not their places: in a resize, the bar lays them out after this is asked
    taken = sum(w.width() + _STATUS_MARGINS for w in direct if w.isVisible())
    room = max(0, bar.width() - taken - _STATUS_MARGINS)
    return bar.fontMetrics().elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight, room)
