package dev.mjbridge.api;

/**
 * A request body of the API: a record bound from JSON by {@link JsonRequestConverter} and checked by
 * Bean Validation. The set is closed so that the converter, which accepts any content type, takes
 * exactly these bodies and nothing else a controller might declare.
 */
sealed interface JsonRequest permits ImagineRequest, BlendRequest, DescribeRequest, ShortenRequest, VideoRequest,
        ActionRequest, ModalRequest, ChangeRequest, SimpleChangeRequest, UploadImagesRequest, TaskIdsRequest,
        DisableRequest, AccountKeysRequest {
}
