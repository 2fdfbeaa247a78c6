package dev.sema.detection;

import dev.sema.detection.fasttext.FastTextModel;
import dev.sema.models.ModelStatus;

/**
 * What the detector serves right now: the model (null unless READY) and its status, swapped as one value so a
 * request never sees a model with another model's status.
 */
record LidSnapshot(FastTextModel model, ModelStatus status) {
}
