package dev.mjbridge.midjourney;

/** The choices of the {@code /blend dimensions} option. */
public enum BlendDimensions {
    PORTRAIT("--ar 2:3"),
    SQUARE("--ar 1:1"),
    LANDSCAPE("--ar 3:2");

    private final String optionValue;

    BlendDimensions(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The value Discord expects for the option, e.g. {@code --ar 2:3}. */
    public String optionValue() {
        return optionValue;
    }
}
