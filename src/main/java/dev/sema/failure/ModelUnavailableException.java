package dev.sema.failure;

/** No model serves a slot yet: its first load is still running, or none is configured or loading failed. */
public final class ModelUnavailableException extends SemaException {

    private final boolean loading;

    private ModelUnavailableException(String message, boolean loading) {
        super(message);
        this.loading = loading;
    }

    /** @param progress what the load is doing (e.g. "downloading onnx/encoder_model_quantized.onnx") */
    public static ModelUnavailableException loading(String model, String progress) {
        return new ModelUnavailableException("The " + model + " model is still loading (" + progress
                + "); retry shortly.", true);
    }

    /** @param reason why it is not loaded (not configured, the load failure), or null */
    public static ModelUnavailableException notLoaded(String model, String reason) {
        return new ModelUnavailableException("The " + model + " model is not loaded"
                + (reason == null ? "" : ": " + reason), false);
    }

    /** True while a first load runs, so the model will come soon; false when an operator has to act. */
    public boolean loading() {
        return loading;
    }
}
