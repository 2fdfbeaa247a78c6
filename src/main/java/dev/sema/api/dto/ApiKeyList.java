package dev.sema.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ApiKeyList", description = "Every key, revoked ones included, oldest first; no secrets.")
public record ApiKeyList(List<ApiKeyInfo> keys) {
}
