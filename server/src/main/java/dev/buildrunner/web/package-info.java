/**
 * The server ({@code br serve}, Javalin 7): the embedded git host over smart HTTP, the REST API,
 * webhooks in and the live stream. Handlers are thin: they check the caller, turn the request
 * into one call of {@code pipeline}, {@code sync} or {@code store}, and render JSON.
 */
package dev.buildrunner.web;
