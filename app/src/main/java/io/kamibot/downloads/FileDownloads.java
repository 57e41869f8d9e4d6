package io.kamibot.downloads;

import java.nio.charset.StandardCharsets;

import io.kamibot.resellers.InvalidFileLink;
import io.kamibot.resellers.ResellerFile;
import io.kamibot.resellers.ResellerFiles;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Serves a reseller's file to whoever holds a valid link for it; anything else is 404 and shows nothing. */
@RestController
class FileDownloads {

	private final ResellerFiles files;

	FileDownloads(ResellerFiles files) {
		this.files = files;
	}

	@GetMapping(ResellerFiles.PATH + "{kind}/{subject}")
	ResponseEntity<byte[]> download(@PathVariable String kind, @PathVariable String subject,
			@RequestParam("f") String format, @RequestParam("c") String customer, @RequestParam("e") long expires,
			@RequestParam("s") String signature, HttpServletRequest request) {
		ResellerFile file = files.download(kind, subject, format, customer, expires, signature,
				request.getRemoteAddr());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mimeType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
			// Codes: never kept by a shared cache or the browser's.
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file.content());
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidFileLink e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail malformed(IllegalArgumentException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "The download link is invalid or expired");
	}
}
