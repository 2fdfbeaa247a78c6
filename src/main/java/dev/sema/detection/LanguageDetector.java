package dev.sema.detection;

import dev.sema.models.ManagedModel;

/** Language identification over FLORES-200 codes; implemented by the fastText engine. */
public interface LanguageDetector extends ManagedModel {

    /**
     * @param text raw client text (normalisation is the detector's job)
     * @param topK number of candidates wanted (≥ 1)
     * @return candidates best first, only languages the translator supports
     * @throws dev.sema.failure.ModelUnavailableException when no model is loaded
     */
    Detection detect(String text, int topK);
}
