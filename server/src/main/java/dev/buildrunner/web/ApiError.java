package dev.buildrunner.web;

/**
 * The JSON body of every API error: what went wrong and, when one input field is at fault, which
 * (issue 4: "JSON errors with a message and field").
 *
 * @param message what is wrong, naming the value
 * @param field the request field at fault, or null
 */
public record ApiError(String message, String field) {
}
