package dev.sema.glossary;

/**
 * Who asks for glossaries: {@code owner} names the caller as glossaries store it (a key id, or
 * {@code admin_token}); an admin sees and changes every glossary, anyone else only their own.
 */
public record Viewer(String owner, boolean admin) {

    boolean sees(Glossary glossary) {
        return admin || glossary.owner().equals(owner);
    }
}
