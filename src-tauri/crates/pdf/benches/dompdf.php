<?php
// Renders an HTML file to PDF with dompdf (Debian's php-dompdf) RUNS times in this one PHP
// process, for the benchmark in render.rs. Each render is timed with hrtime() around dompdf's
// own work only (options, loading the HTML, layout, writing the PDF to a string): PHP's start-up
// and reading the HTML file are left out. The first render also loads dompdf's classes and
// font metrics; the median is of all runs.
//
//   php benches/dompdf.php IN.html OUT.pdf [RUNS]
//
// A file dompdf.css beside IN.html, when there is one, is added to the page's styles (the few
// lines that give dompdf the same line spacing as the other engines; render.rs writes it).
// The page number, `1/N`, is drawn at the foot of each page as the WooCommerce invoice plugins
// draw it with dompdf: as `{PAGE_NUM}/{PAGE_COUNT}` text on the canvas, filled in by dompdf.
//
// Prints one line: first_ms=… median_ms=… min_ms=… runs=… bytes=… pages=…
//
// Debian's php-dompdf links DejaVu Sans into lib/fonts without the font metrics (.ufm) that
// upstream dompdf ships beside it, and cannot use the font without them. So, once and untimed,
// this script registers DejaVu Sans (regular and bold) in a font folder of its own
// (DOMPDF_FONT_DIR, by default comptoir-dompdf-fonts in the temporary folder), which makes
// dompdf write the metrics there, as upstream ships them; the timed renders then load them as
// upstream dompdf loads its bundled ones.

require_once 'dompdf/autoload.php';

use Dompdf\Dompdf;
use Dompdf\Options;

if ($argc < 3) {
    fwrite(STDERR, "usage: php dompdf.php IN.html OUT.pdf [RUNS]\n");
    exit(2);
}
$in = $argv[1];
$out = $argv[2];
$runs = max(1, (int) ($argv[3] ?? 1));
$html = file_get_contents($in);
if ($html === false) {
    fwrite(STDERR, "cannot read $in\n");
    exit(1);
}

$extra = dirname($in) . '/dompdf.css';
if (is_readable($extra)) {
    $html = str_replace('</head>', '<style>' . file_get_contents($extra) . "</style>\n</head>", $html);
}

$fontDir = getenv('DOMPDF_FONT_DIR') ?: sys_get_temp_dir() . '/comptoir-dompdf-fonts';
$dejavu = '/usr/share/fonts/truetype/dejavu';

function options(string $fontDir, string $dejavu, string $in): Options
{
    $options = new Options();
    $options->set('defaultFont', 'DejaVu Sans');
    // As the WooCommerce invoice plugins configure it: fonts subset, no remote fetches.
    $options->set('isFontSubsettingEnabled', true);
    $options->set('isRemoteEnabled', false);
    $options->set('fontDir', $fontDir);
    $options->set('fontCache', $fontDir);
    $options->setChroot([dirname(realpath($in)), $dejavu, $fontDir]);
    return $options;
}

if (!is_readable("$fontDir/installed-fonts.json")) {
    @mkdir($fontDir, 0777, true);
    $metrics = (new Dompdf(options($fontDir, $dejavu, $in)))->getFontMetrics();
    foreach (['normal' => 'DejaVuSans.ttf', 'bold' => 'DejaVuSans-Bold.ttf'] as $weight => $file) {
        $style = ['family' => 'DejaVu Sans', 'weight' => $weight, 'style' => 'normal'];
        if (!$metrics->registerFont($style, "file://$dejavu/$file")) {
            fwrite(STDERR, "dompdf could not register $dejavu/$file\n");
            exit(1);
        }
    }
}

$times = [];
$pdf = '';
$pages = 0;
for ($i = 0; $i < $runs; $i++) {
    $start = hrtime(true);
    $dompdf = new Dompdf(options($fontDir, $dejavu, $in));
    $dompdf->loadHtml($html, 'UTF-8');
    $dompdf->setPaper('A4', 'portrait');
    $dompdf->render();
    $canvas = $dompdf->getCanvas();
    $font = $dompdf->getFontMetrics()->getFont('DejaVu Sans');
    // Right-aligned at 192 mm (the right margin), on the footer's line.
    $x = $canvas->get_width() - 18 / 25.4 * 72 - $dompdf->getFontMetrics()->getTextWidth('1/1', $font, 8);
    $canvas->page_text($x, 282.6 / 25.4 * 72, '{PAGE_NUM}/{PAGE_COUNT}', $font, 8, [0.12, 0.12, 0.12]);
    $pdf = $dompdf->output();
    $times[] = (hrtime(true) - $start) / 1e6;
    $pages = $dompdf->getCanvas()->get_page_count();
    unset($dompdf);
}
file_put_contents($out, $pdf);
$sorted = $times;
sort($sorted);
printf(
    "first_ms=%.3f median_ms=%.3f min_ms=%.3f runs=%d bytes=%d pages=%d\n",
    $times[0],
    $sorted[intdiv(count($sorted), 2)],
    $sorted[0],
    $runs,
    strlen($pdf),
    $pages
);
