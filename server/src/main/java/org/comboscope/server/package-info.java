/**
 * The web application: a JSON API (documented in {@code /api/openapi.json}) and a browser UI over
 * the store. Uploads are validated before they are kept; analyses run in the background and either
 * complete with all their results or are marked failed.
 */
package org.comboscope.server;
