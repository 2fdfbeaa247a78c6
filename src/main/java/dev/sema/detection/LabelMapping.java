package dev.sema.detection;

import dev.sema.languages.NllbLanguages;
import java.lang.Character.UnicodeScript;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Model label → FLORES-200 code NLLB can translate. FLORES-style labels ({@code swh_Latn}, lid218e, OpenLID)
 * pass through when NLLB has them. lid.176's ISO 639 labels map through the table of
 * {@code research/nllb-onnx.md} §5.3; five of them depend on the script of the text. Labels for languages NLLB
 * lacks (59 of lid.176's 176, among them {@code als}, which is Alemannic there but Tosk Albanian in NLLB) map
 * to nothing, so the detector moves on to the next candidate.
 */
public final class LabelMapping {

    private static final Pattern FLORES = Pattern.compile("[a-z]{3}_[A-Z][a-z]{3}");

    /** Script-independent lid.176 labels. {@code hr} and {@code sh} share Croatian; see {@link #toFlores}. */
    private static final String LID176 = """
            en eng_Latn ru rus_Cyrl de deu_Latn fr fra_Latn it ita_Latn ja jpn_Jpan es spa_Latn ceb ceb_Latn
            tr tur_Latn pt por_Latn uk ukr_Cyrl eo epo_Latn pl pol_Latn sv swe_Latn nl nld_Latn he heb_Hebr
            hu hun_Latn ar arb_Arab ca cat_Latn fi fin_Latn cs ces_Latn fa pes_Arab el ell_Grek vi vie_Latn
            bg bul_Cyrl ko kor_Hang no nob_Latn mk mkd_Cyrl ro ron_Latn id ind_Latn th tha_Thai hy hye_Armn
            da dan_Latn ta tam_Taml hi hin_Deva hr hrv_Latn be bel_Cyrl ka kat_Geor te tel_Telu kk kaz_Cyrl
            war war_Latn lt lit_Latn gl glg_Latn sk slk_Latn bn ben_Beng eu eus_Latn sl slv_Latn kn kan_Knda
            ml mal_Mlym mr mar_Deva et est_Latn ms zsm_Latn sq als_Latn bs bos_Latn nn nno_Latn ur urd_Arab
            lv lvs_Latn my mya_Mymr tt tat_Cyrl af afr_Latn oc oci_Latn ky kir_Cyrl ast ast_Latn tl tgl_Latn
            is isl_Latn si sin_Sinh gu guj_Gujr km khm_Khmr ba bak_Cyrl uz uzn_Latn bo bod_Tibt pa pan_Guru
            ne npi_Deva cy cym_Latn mn khk_Cyrl lb ltz_Latn ug uig_Arab tg tgk_Cyrl sa san_Deva jv jav_Latn
            min min_Latn or ory_Orya as asm_Beng ga gle_Latn mg plt_Latn ckb ckb_Arab sw swh_Latn
            lmo lmo_Latn yi ydd_Hebr arz arz_Arab azb azb_Arab su sun_Latn ilo ilo_Latn ps pbt_Arab
            yue yue_Hant li lim_Latn sd snd_Arab scn scn_Latn gd gla_Latn bh bho_Deva mai mai_Deva
            vec vec_Latn mt mlt_Latn am amh_Ethi qu quy_Latn tk tuk_Latn yo yor_Latn lo lao_Laoo so som_Latn
            ht hat_Latn gn grn_Latn sc srd_Latn
            """;

    private final Map<String, String> iso = new HashMap<>();

    public LabelMapping() {
        String[] f = LID176.trim().split("\\s+");
        for (int i = 0; i < f.length; i += 2) {
            if (!NllbLanguages.contains(f[i + 1])) {
                throw new IllegalStateException(f[i + 1] + " is not an NLLB-200 code");
            }
            iso.put(f[i], f[i + 1]);
        }
    }

    /**
     * @param label   the model's label without {@code __label__}
     * @param scripts the scripts of the text that was classified
     * @return the NLLB-200 code, or empty when NLLB has no such language
     */
    public Optional<String> toFlores(String label, TextScripts scripts) {
        if (FLORES.matcher(label).matches()) {
            return NllbLanguages.contains(label) ? Optional.of(label) : Optional.empty();
        }
        return Optional.ofNullable(switch (label) {
            case "zh" -> scripts.traditionalChinese() ? "zho_Hant" : "zho_Hans";
            // NLLB has Serbian only in Cyrillic; Latin Serbo-Croatian goes to Croatian, its nearest Latin standard.
            case "sr", "sh" -> scripts.more(UnicodeScript.CYRILLIC, UnicodeScript.LATIN) ? "srp_Cyrl" : "hrv_Latn";
            // Sorani is written in Arabic script, Kurmanji in Latin.
            case "ku" -> scripts.more(UnicodeScript.ARABIC, UnicodeScript.LATIN) ? "ckb_Arab" : "kmr_Latn";
            // South Azerbaijani is written in Arabic script, North Azerbaijani in Latin.
            case "az" -> scripts.more(UnicodeScript.ARABIC, UnicodeScript.LATIN) ? "azb_Arab" : "azj_Latn";
            default -> iso.get(label);
        });
    }
}
