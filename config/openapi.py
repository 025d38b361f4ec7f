"""What the OpenAPI schema (/api/schema/) says about answers every operation can give.

A postprocessing hook of drf-spectacular (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"])
adds to each operation the error answers that the project's own layers produce, so that
views document only their successes and their particular errors:

- 400 from config.api.exception_handler (a body or a parameter that fails validation) and
  from config.middleware (a NUL in the query string), on every operation;
- 403 on every operation that writes (services refuse through accounts.rules.require) or
  that needs a signed-in user; reads that check a permission declare theirs;
- 404 on every operation with a path parameter (selectors hide what a user may not see);
- 429 with Retry-After on every write of a view with a throttle_scope (RATE_LIMITS);
- 413 (DATA_UPLOAD_MAX_MEMORY_SIZE) and 415 (a content type no parser reads) on every
  operation with a request body;
- 503 with Retry-After on every operation: the server is busy (config/overload.py).

Two shapes cover every error body: `Error` ({"detail": "…"}) and, for 400,
`ValidationError` ({"field": ["message", …]}, where the field may also be "detail" or
"non_field_errors" with a sentence or a list of them)."""

from django.conf import settings

ERROR = {
    "type": "object",
    "description": "An error a person can act on: the sentence says what to do.",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
MESSAGES = {
    "oneOf": [
        {"type": "string"},
        {
            "type": "array",
            "items": {"oneOf": [{"type": "string"}, {"type": "object"}]},
        },
        {"type": "object"},
    ]
}
VALIDATION_ERROR = {
    "type": "object",
    "description": "Why the request was refused, per field of the body or per query "
    "parameter: a list of messages (nested fields: an object or a list of objects). "
    '"detail" or "non_field_errors" name the request as a whole.',
    "additionalProperties": MESSAGES,
}
WRITE_METHODS = {"post", "put", "patch", "delete"}


def _json(name: str, description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
    }


RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds until a write is allowed again.",
        "schema": {"type": "integer"},
    }
}


def throttled_operations(generator) -> set[tuple[str, str]]:
    """(path, method) of the writes the throttles count: views with a throttle_scope."""
    from accounts.throttling import WRITE_METHODS

    found = set()
    for path, _path_regex, method, view in generator._get_paths_and_endpoints():
        if getattr(view, "throttle_scope", None) and method in WRITE_METHODS:
            found.add((path, method.lower()))
    return found


def _common_errors(method: str, operation: dict) -> dict:
    errors = {
        "400": _json("ValidationError", "Invalid parameters or body, with a message per field."),
    }
    if method in WRITE_METHODS or {} not in operation.get("security", [{}]):
        errors["403"] = _json("Error", "Not allowed: the sentence says who may.")
    if any(p.get("in") == "path" for p in operation.get("parameters", [])):
        errors["404"] = _json("Error", "Not found, or not visible to you.")
    if "requestBody" in operation:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        errors["413"] = _json("Error", f"The body is larger than {limit} bytes.")
        errors["415"] = _json("Error", "The body's content type is not one of those listed.")
    return errors


def _with_error_shape(response: dict, name: str) -> dict:
    """A documented error without a body shape (OpenApiResponse(description=…)) gets one."""
    if "content" not in response:
        response = {**response, **_json(name, response.get("description", ""))}
    return response


def document_errors(result, generator, request, public):
    """POSTPROCESSING_HOOKS entry: the components Error and ValidationError, and the common
    error answers on every operation (an operation's own description of a status wins)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR
    schemas["ValidationError"] = VALIDATION_ERROR
    throttled = throttled_operations(generator)
    for path, path_item in result.get("paths", {}).items():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            if (path, method) in throttled:
                responses.setdefault(
                    "429",
                    {**_json("Error", "Too many writes: try again after Retry-After seconds."),
                     "headers": RETRY_AFTER},
                )  # fmt: skip
            for code, response in _common_errors(method, operation).items():
                responses.setdefault(code, response)
            responses.setdefault(
                "503",
                {**_json("Error", "The server is busy (config/overload.py): try again "
                                  "after Retry-After seconds."),
                 "headers": RETRY_AFTER},
            )  # fmt: skip
            for code, response in list(responses.items()):
                if code.startswith("4"):
                    name = "ValidationError" if code == "400" else "Error"
                    responses[code] = _with_error_shape(response, name)
    return result


def _link(operation_id: str, source: str, description: str) -> dict:
    return {"operationId": operation_id, "parameters": {"id": source}, "description": description}


# What a client does next with what it just wrote (OpenAPI links; schemathesis follows them).
LINKS = {
    ("/api/proposals/", "post", "201"): {
        "ReadIt": _link("proposals_detail", "$response.body#/id", "The new proposal."),
        "SupportIt": _link("proposals_support_create", "$response.body#/id", "Support it."),
        "CommentOnIt": _link("proposals_comments_create", "$response.body#/id", "Comment."),
        "WithdrawIt": _link("proposals_destroy", "$response.body#/id", "Withdraw it."),
    },
    ("/api/proposals/{id}/support/", "post", "201"): {
        "WithdrawSupport": _link(
            "proposals_support_destroy", "$request.path.id", "Take the support back."
        ),
        "CommentOnIt": _link("proposals_comments_create", "$request.path.id", "Comment."),
        "WithdrawIt": _link("proposals_destroy", "$request.path.id", "Withdraw it."),
    },
    ("/api/proposals/{id}/comments/", "post", "201"): {
        "ReadComments": _link("proposals_comments_list", "$request.path.id", "The comments."),
        "WithdrawIt": _link("proposals_destroy", "$request.path.id", "Withdraw it."),
    },
}


def link_operations(result, generator, request, public):
    """POSTPROCESSING_HOOKS entry: the links of LINKS, on the operations that exist."""
    paths = result.get("paths", {})
    for (path, method, code), links in LINKS.items():
        response = paths.get(path, {}).get(method, {}).get("responses", {}).get(code)
        if response is not None:
            response["links"] = links
    return result
