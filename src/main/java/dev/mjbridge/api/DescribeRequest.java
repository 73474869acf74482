package dev.mjbridge.api;

/** {@code POST /mj/submit/describe}: exactly one of an image ({@code base64}) or a {@code link} to one. */
record DescribeRequest(String base64, String link, SubmitOptions options) {

    static DescribeRequest read(RequestFields fields) {
        String base64 = fields.optionalText("base64");
        String link = fields.optionalUrl("link");
        if (base64 == null && link == null) {
            throw RejectedRequest.invalid(fields.path("base64"), "is required (or give a link)");
        }
        if (base64 != null && link != null) {
            throw RejectedRequest.invalid(fields.path("link"), "give either base64 or link, not both");
        }
        return new DescribeRequest(base64, link, SubmitOptions.read(fields));
    }
}
