package io.kamibot.admin;

import java.io.IOException;
import java.util.List;

import io.kamibot.audit.AuditLog;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Sku;
import io.kamibot.stock.ImportReport;
import io.kamibot.stock.Stock;
import io.kamibot.stock.StockLevels;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Imports codes (streamed straight from the request body) and reports stock levels. The size limit is checked on the
 * declared length first and then on the bytes as they arrive, so a chunked upload cannot pass it; a refused upload
 * puts none of its codes on sale.
 */
@RestController
@RequestMapping("/api/admin/products/{sku}/stock")
class StockApi {

	private final Stock stock;
	private final Catalog catalog;
	private final AdminSettings settings;
	private final AuditLog audit;

	StockApi(Stock stock, Catalog catalog, AdminSettings settings, AuditLog audit) {
		this.stock = stock;
		this.catalog = catalog;
		this.settings = settings;
		this.audit = audit;
	}

	@PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
	ImportResult importCodes(@PathVariable String sku, HttpServletRequest request) throws IOException {
		Sku id = new Sku(sku);
		long length = request.getContentLengthLong();
		if (length > settings.maxImportBytes()) {
			throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
					"An import may have at most " + settings.maxImportBytes() + " bytes; split the file");
		}
		catalog.get(id);
		ImportReport report = stock.importCodes(id, request.getInputStream(), AdminApi.ACTOR,
				settings.maxImportBytes());
		audit.record(AdminApi.ACTOR, "stock.import", sku, report.imported() + " imported, batch " + report.batchId());
		return ImportResult.of(report);
	}

	@GetMapping
	StockLevels levels(@PathVariable String sku) {
		Sku id = new Sku(sku);
		catalog.get(id);
		return stock.levels(id);
	}

	/** The import report as the API promises it. */
	record ImportResult(String batchId, long imported, long duplicates, List<Long> duplicateLines,
			List<RejectedLine> rejected, long rejectedTotal) {

		static ImportResult of(ImportReport report) {
			return new ImportResult(report.batchId(), report.imported(), report.duplicates(), report.duplicateLines(),
					report.rejected()
						.stream()
						.map(r -> new RejectedLine(r.line(), r.reason().name().toLowerCase().replace('_', ' ')))
						.toList(),
					report.rejectedCount());
		}
	}

	record RejectedLine(long line, String reason) {
	}
}
