package dev.sema.translation;

/** Texts that stress segmentation and detokenisation, shared by the engine tests and the server ITs. */
public final class MixedScriptText {

    /** Paragraphs in many scripts, emoji (outside the BMP), indentation, CRLF, a run without any space. */
    public static final String PARAGRAPHS = """
              The quick brown fox jumps over the lazy dog. Dr. Smith paid $1,000.50 on 2024-01-02!

            Le cœur a ses raisons que la raison ne connaît point.\tÇa va? «Oui», dit-il…\r
            Съешь же ещё этих мягких французских булок, да выпей чаю. Ελληνικά: Ξεσκεπάζω την ψυχοφθόρα βδελυγμία.
            我们今天去公园散步，天气很好。東京は日本の首都です。한국어 문장도 있습니다.
            ภาษาไทยเป็นภาษาที่ไม่มีช่องว่างระหว่างคำแต่มีช่องว่างระหว่างประโยค สวัสดีครับ
            العربية تكتب من اليمين إلى اليسار. עברית גם כן. हिन्दी में भी एक वाक्य। ቋንቋ አማርኛ።
            Emoji 😀🎉👩‍👩‍👧‍👦 and flags 🇫🇷🇯🇵, math 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, combining e\u0301 and Z\u0335\u0321a\u0337lgo.
            12345 — 67890 😀
            """;

    /** 1,500 Thai letters without a space: thousands of byte pieces in the test models' vocabulary. */
    public static final String THAI_RUN = "ภาษาไทยเป็นภาษาที่ไม่มีช่องว่าง".repeat(50);

    private MixedScriptText() {
    }

    /**
     * {@link #PARAGRAPHS} repeated, then {@link #THAI_RUN}, cut to at most {@code maxCodePoints} (on a code
     * point boundary) and trimmed: within {@code maxCodePoints} and at most 100 below it.
     */
    public static String nearLimit(int maxCodePoints) {
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < maxCodePoints - THAI_RUN.length()) {
            text.append(PARAGRAPHS).append('\n');
        }
        text.append(THAI_RUN).append(PARAGRAPHS.repeat(2));
        String cut = text.substring(0, text.offsetByCodePoints(0, maxCodePoints));
        if (Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1);
        }
        String trimmed = cut.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > maxCodePoints || length < maxCodePoints - 100) {
            throw new IllegalStateException("fixture length " + length);
        }
        return trimmed;
    }
}
