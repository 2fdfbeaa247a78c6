package dev.sema.api.glossaries;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The caller's glossaries (an admin's: all), oldest first. */
@Schema(name = "GlossaryList")
public record GlossaryList(List<GlossaryInfo> glossaries) {
}
