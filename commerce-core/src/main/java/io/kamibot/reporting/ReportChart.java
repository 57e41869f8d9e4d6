package io.kamibot.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Draws the last days' orders and CNY revenue as a PNG bar chart. */
final class ReportChart {

	private ReportChart() {
	}

	static byte[] png(List<DailyReport> days) {
		CategoryChart chart = new CategoryChartBuilder().width(800).height(400)
			.title("Orders and revenue, last " + days.size() + " days")
			.xAxisTitle("day")
			.build();
		chart.getStyler().setLegendVisible(true);
		chart.getStyler().setXAxisLabelRotation(45);
		List<String> labels = days.stream().map(DailyReport::day).map(LocalDate::toString).map(d -> d.substring(5)).toList();
		chart.addSeries("orders", labels, days.stream().map(d -> (Number) d.orders()).toList());
		chart.addSeries("revenue (CNY)", labels, days.stream().map(d -> (Number) (d.revenueFen() / 100.0)).toList());
		try {
			return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Drawing the report chart failed", e);
		}
	}
}
