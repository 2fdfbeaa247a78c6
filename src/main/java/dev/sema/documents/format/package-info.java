/**
 * The contract between the documents service and the file formats it translates: {@link
 * dev.sema.documents.format.DocumentFormat} and its parts. Each format lives in its own class beside this contract.
 */
package dev.sema.documents.format;
