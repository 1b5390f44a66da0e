"""The ledger feature, proven by hand on a French accounting export of 44 invoices.

``fixtures/grand_livre.csv`` is a ledger as a French accounting package exports it: UTF-8 with
a byte-order mark, ``;`` separators, CRLF line ends, French headers (``Fournisseur;N° de
facture;Date de facture;Échéance;Payée le;Montant HT``), decimal commas, ``15/03/2024`` dates,
thousands grouped by spaces (a plain space, a no-break space on row 16 and narrow no-break
spaces on row 10), vendors written as a book-keeper writes them (``JANQUOR``, ``Janquor``,
``Leappy SAS``, ``Michael Gout``, ``Loi``, ``L441-10``) and seven unpaid invoices (empty
``Payée le``). Every row's figure below is worked out by hand from the vendor's clause as
data/vendors/<id>.yaml records it (the texts are in the CGV folder) and the reference data
(data/rates/), never by the code under test; the working is in the comment above each literal.

The claim is computed at ``as_of`` = 30 June 2025: an unpaid invoice counts as paid that day
(the legal rate is known until 2026-06-30, the ECB rate until 2026-06-11).

Conventions (DESIGN.md): interest = cents x sum(bp x days) / (365 x 10,000), summed over the
periods and rounded once, half-up, to the cent; days late = paid - due; the first day of delay
is the day after the due date unless the clause says otherwise. The figure asserted is the
lawful one (never below 3 x the legal rate of each semester, L441-10 II) plus the 40 EUR
indemnité forfaitaire (D441-5) for every invoice paid after its due date; where the floor
raises the clause, the clause as written has its own figure (``as_written_total_cents``).
The amounts are used as the ledger gives them (the column says HT).

Reference rates used (data/rates/):

- legal rate, professional creditors, and the floor (3 x): 2022-S1 0.76 (2.28 %), 2022-S2
  0.77 (2.31 %), 2023-S1 2.06 (6.18 %), 2023-S2 4.22 (12.66 %), 2024-S1 5.07 (15.21 %),
  2024-S2 4.92 (14.76 %), 2025-S1 3.71 (11.13 %);
- ECB rate in force on 1 January / 1 July (the L441-10 II semester rate): 2023-S1 2.50,
  2023-S2 4.00, 2024-S1 4.50, 2024-S2 4.25 (cut of 2024-06-12), 2025-S1 3.15 (cut of
  2024-12-18); statutory rate = it + 10 points;
- ECB rate in force on a day (ioSmart): 0.00 until 2022-07-26, 1.25 from 2022-09-14, 3.75 from
  2023-05-10, 4.25 from 2023-08-02, 4.50 from 2023-09-20, 2.65 from 2025-03-12.

Rows 2-4, 8, 11-13, 19-22, 27-29, 34, 40 reuse the cases proven in
tests/arithmetic/test_late_payment.py.

What the rows exercise:

- paid on or before the due date, nothing due: rows 5, 6, 14, 25, 36, 44; unpaid and not due
  yet at as_of: row 17;
- unpaid, counted to as_of: rows 7, 15, 24, 31, 37, 43 (and 17);
- delay across 1 July: 2, 4, 21, 28, 34, 38, 45; across 1 January: 3, 18, 23, 32, 39; across
  both (three semesters): 9;
- the L441-10 II floor bites (as written differs from lawful): 23, 27, 28, 31, 32, 34, 35, 37,
  38, 39, 40, 45; a clause above the floor: 26, 30, 41, 42;
- default readings of ambiguous clauses: JANQUOR pro rata (11-18); ioSmart's ECB rate in force
  on the first day, not the semester's (26: the ECB rate rose on 2022-09-14); Teogest's day 31
  after issue (27-33; 29 and 33 are paid late but before day 31: indemnity only); Leappy's
  formal-notice reading (34-39);
- the invoice date decides the rate (Leappy, GOUT) or the start of the delay (Teogest);
- half-up rounding of exactly half a cent: row 8; large amounts (1 250 000,00 and 125 000,00
  EUR): rows 10, 18; thousands grouped by spaces: most rows, a no-break space on 16, narrow
  no-break spaces on 10.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ledger = pytest.importorskip("cgvlib.ledger", reason="the ledger package is not there yet")

FIXTURE = Path(__file__).parent / "fixtures" / "grand_livre.csv"
AS_OF = dt.date(2025, 6, 30)
UNPAID = {"F-L06", "J-05", "J-07", "IO-06", "T-05", "LP-04", "G-04"}

# (row, invoice, vendor id, days late, amount cents, interest cents, indemnity cents,
#  total cents, as-written total cents)
EXPECTED = [
    # ------------------------------------------------------------------------------------------
    # Loi (statutory terms, L441-10 II): ECB semester rate + 10 points, each semester at its own
    # rate; no floor (the law's own terms); 40 EUR (D441-5).
    # row 2, F-L01 (Loi): 10 000,00 EUR, invoiced 16/05/2023, due 15/06/2023, paid 30/07/2023: 45
    #   days late
    #   06-16..06-30 15 d at 12.50 %, 07-01..07-30 30 d at 14.00 %: 1,000,000 x (1250 x 15 + 1400
    #     x 30 = 60,750) / 3,650,000 = 16,643.8356 -> 16,644 c
    #   16,644 + 4,000 = 20,644 c
    (2, "F-L01", "statutory", 45, 1_000_000, 16_644, 4_000, 20_644, 20_644),
    # row 3, F-L02 (Loi): 1 000,00 EUR, invoiced 20/11/2023, due 20/12/2023, paid 01/03/2024: 72
    #   days late
    #   12-21..12-31 11 d at 14.00 %, 01-01..03-01 61 d at 14.50 %: 100,000 x (1400 x 11 + 1450 x
    #     61 = 103,850) / 3,650,000 = 2,845.2055 -> 2,845 c
    #   2,845 + 4,000 = 6,845 c
    (3, "F-L02", "statutory", 72, 100_000, 2_845, 4_000, 6_845, 6_845),
    # row 4, F-L03 (L441-10): 10 000,00 EUR, invoiced 10/05/2024, due 10/06/2024, paid 05/07/2024:
    #   25 days late
    #   06-11..06-30 20 d at 14.50 %, 07-01..07-05 5 d at 14.25 %: 1,000,000 x (1450 x 20 + 1425 x
    #     5 = 36,125) / 3,650,000 = 9,897.2603 -> 9,897 c
    #   9,897 + 4,000 = 13,897 c
    (4, "F-L03", "statutory", 25, 1_000_000, 9_897, 4_000, 13_897, 13_897),
    # row 5, F-L04 (Loi): 2 500,00 EUR, invoiced 01/01/2024, due 31/01/2024, paid 31/01/2024
    #   paid on or before the due date: 0
    #   0 + 0 = 0 c
    (5, "F-L04", "statutory", 0, 250_000, 0, 0, 0, 0),
    # row 6, F-L05 (Loi): 800,00 EUR, invoiced 15/02/2024, due 15/03/2024, paid 01/03/2024
    #   paid on or before the due date: 0
    #   0 + 0 = 0 c
    (6, "F-L05", "statutory", 0, 80_000, 0, 0, 0, 0),
    # row 7, F-L06 (Loi): 1 234,56 EUR, invoiced 01/03/2025, due 31/03/2025, unpaid: to as_of
    #   30/06/2025: 91 days late
    #   04-01..06-30 91 d at 13.15 %: 123,456 x (1315 x 91 = 119,665) / 3,650,000 = 4,047.4965 ->
    #     4,047 c
    #   4,047 + 4,000 = 8,047 c
    (7, "F-L06", "statutory", 91, 123_456, 4_047, 4_000, 8_047, 8_047),
    # row 8, F-L07 (Loi): 14,60 EUR, invoiced 01/02/2023, due 01/03/2023, paid 02/03/2023: 1 days
    #   late
    #   03-02..03-02 1 d at 12.50 %: 1,460 x (1250 x 1 = 1,250) / 3,650,000 = 0.5000 -> 1 c
    #   1 + 4,000 = 4,001 c
    (8, "F-L07", "statutory", 1, 1_460, 1, 4_000, 4_001, 4_001),
    # row 9, F-L08 (Loi): 7 350,00 EUR, invoiced 21/05/2024, due 20/06/2024, paid 15/01/2025: 209
    #   days late
    #   06-21..06-30 10 d at 14.50 %, 07-01..12-31 184 d at 14.25 %, 01-01..01-15 15 d at 13.15 %:
    #     735,000 x (1450 x 10 + 1425 x 184 + 1315 x 15 = 296,425) / 3,650,000 = 59,691.0616 ->
    #     59,691 c
    #   59,691 + 4,000 = 63,691 c
    (9, "F-L08", "statutory", 209, 735_000, 59_691, 4_000, 63_691, 63_691),
    # row 10, F-L09 (Loi): 1 250 000,00 EUR, invoiced 29/01/2025, due 28/02/2025, paid 31/03/2025:
    #   31 days late
    #   03-01..03-31 31 d at 13.15 %: 125,000,000 x (1315 x 31 = 40,765) / 3,650,000 =
    #     1,396,061.6438 -> 1,396,062 c
    #   1,396,062 + 4,000 = 1,400,062 c
    (10, "F-L09", "statutory", 31, 125_000_000, 1_396_062, 4_000, 1_400_062, 1_400_062),
    # ------------------------------------------------------------------------------------------
    # JANQUOR art. 11: 10 % of the invoice per month of delay, default reading « prorata » (a month
    # = 1/12 of a 365-day year: days x 12 / 365); 120 %/year, far above the floor; 40 EUR (art. 11).
    # row 11, J-01 (JANQUOR): 10 000,00 EUR, invoiced 10/05/2023, due 15/06/2023, paid 30/07/2023:
    #   45 days late
    #   45 days late; 10 %/month pro rata (days x 12 / 365): 1,000,000 x 1000 x 45 x 12 =
    #     540,000,000,000 / 3,650,000 = 147,945.2055 -> 147,945 c
    #   147,945 + 4,000 = 151,945 c
    (11, "J-01", "janquor", 45, 1_000_000, 147_945, 4_000, 151_945, 151_945),
    # row 12, J-02 (Janquor): 10 000,00 EUR, invoiced 10/02/2023, due 01/03/2023, paid 02/03/2023:
    #   1 days late
    #   1 days late; 10 %/month pro rata (days x 12 / 365): 1,000,000 x 1000 x 1 x 12 =
    #     12,000,000,000 / 3,650,000 = 3,287.6712 -> 3,288 c
    #   3,288 + 4,000 = 7,288 c
    (12, "J-02", "janquor", 1, 1_000_000, 3_288, 4_000, 7_288, 7_288),
    # row 13, J-03 (JANQUOR): 1 000,00 EUR, invoiced 10/01/2024, due 30/01/2024, paid 29/02/2024:
    #   30 days late
    #   30 days late; 10 %/month pro rata (days x 12 / 365): 100,000 x 1000 x 30 x 12 =
    #     36,000,000,000 / 3,650,000 = 9,863.0137 -> 9,863 c
    #   9,863 + 4,000 = 13,863 c
    (13, "J-03", "janquor", 30, 100_000, 9_863, 4_000, 13_863, 13_863),
    # row 14, J-04 (janquor): 3 600,00 EUR, invoiced 10/01/2024, due 10/02/2024, paid 09/02/2024
    #   paid on or before the due date: 0
    #   0 + 0 = 0 c
    (14, "J-04", "janquor", 0, 360_000, 0, 0, 0, 0),
    # row 15, J-05 (JANQUOR): 2 400,00 EUR, invoiced 10/04/2025, due 10/05/2025, unpaid: to as_of
    #   30/06/2025: 51 days late
    #   51 days late; 10 %/month pro rata (days x 12 / 365): 240,000 x 1000 x 51 x 12 =
    #     146,880,000,000 / 3,650,000 = 40,241.0959 -> 40,241 c
    #   40,241 + 4,000 = 44,241 c
    (15, "J-05", "janquor", 51, 240_000, 40_241, 4_000, 44_241, 44_241),
    # row 16, J-06 (JANQUOR): 12 345,67 EUR, invoiced 10/09/2024, due 10/10/2024, paid 10/12/2024:
    #   61 days late
    #   61 days late; 10 %/month pro rata (days x 12 / 365): 1,234,567 x 1000 x 61 x 12 =
    #     903,703,044,000 / 3,650,000 = 247,589.8751 -> 247,590 c
    #   247,590 + 4,000 = 251,590 c
    (16, "J-06", "janquor", 61, 1_234_567, 247_590, 4_000, 251_590, 251_590),
    # row 17, J-07 (JANQUOR): 980,00 EUR, invoiced 10/06/2025, due 10/07/2025, unpaid: to as_of
    #   30/06/2025: not due yet
    #   paid on or before the due date: 0
    #   0 + 0 = 0 c
    (17, "J-07", "janquor", 0, 98_000, 0, 0, 0, 0),
    # row 18, J-08 (JANQUOR): 125 000,00 EUR, invoiced 10/12/2024, due 31/12/2024, paid
    #   02/01/2025: 2 days late
    #   2 days late; 10 %/month pro rata (days x 12 / 365): 12,500,000 x 1000 x 2 x 12 =
    #     300,000,000,000 / 3,650,000 = 82,191.7808 -> 82,192 c
    #   82,192 + 4,000 = 86,192 c
    (18, "J-08", "janquor", 2, 12_500_000, 82_192, 4_000, 86_192, 86_192),
    # ------------------------------------------------------------------------------------------
    # ioSmart: max(ECB rate in force on the first day of delay + 10 points, 3 x the legal rate),
    # fixed for the whole delay (default reading « ecb_on_delay_start »); lawful: never below 3 x
    # the legal rate of each semester; 40 EUR.
    # row 19, IO-01 (ioSmart): 10 000,00 EUR, invoiced 30/01/2022, due 01/03/2022, paid
    #   30/04/2022: 60 days late
    #   first day 2022-03-02: max(ECB in force 0.00 + 10, 3 x legal 2.28) = 10.00 %, fixed for the
    #     delay
    #   03-02..04-30 60 d at 10.00 %: 1,000,000 x (1000 x 60 = 60,000) / 3,650,000 = 16,438.3562
    #     -> 16,438 c
    #   16,438 + 4,000 = 20,438 c
    (19, "IO-01", "iosmart", 60, 1_000_000, 16_438, 4_000, 20_438, 20_438),
    # row 20, IO-02 (IOSMART): 10 000,00 EUR, invoiced 01/01/2024, due 31/01/2024, paid
    #   01/03/2024: 30 days late
    #   first day 2024-02-01: max(ECB in force 4.50 + 10, 3 x legal 15.21) = 15.21 %, fixed for
    #     the delay
    #   02-01..03-01 30 d at 15.21 %: 1,000,000 x (1521 x 30 = 45,630) / 3,650,000 = 12,501.3699
    #     -> 12,501 c
    #   12,501 + 4,000 = 16,501 c
    (20, "IO-02", "iosmart", 30, 1_000_000, 12_501, 4_000, 16_501, 16_501),
    # row 21, IO-03 (ioSmart): 10 000,00 EUR, invoiced 16/05/2023, due 15/06/2023, paid
    #   30/07/2023: 45 days late
    #   first day 2023-06-16: max(ECB in force 3.75 + 10, 3 x legal 6.18) = 13.75 %, fixed for the
    #     delay
    #   06-16..06-30 15 d at 13.75 %, 07-01..07-30 30 d at 13.75 %: 1,000,000 x (1375 x 15 + 1375
    #     x 30 = 61,875) / 3,650,000 = 16,952.0548 -> 16,952 c
    #   16,952 + 4,000 = 20,952 c
    (21, "IO-03", "iosmart", 45, 1_000_000, 16_952, 4_000, 20_952, 20_952),
    # row 22, IO-04 (ioSmart): 10 000,00 EUR, invoiced 02/07/2023, due 01/08/2023, paid
    #   01/10/2023: 61 days late
    #   first day 2023-08-02: max(ECB in force 4.25 + 10, 3 x legal 12.66) = 14.25 %, fixed for
    #     the delay
    #   08-02..10-01 61 d at 14.25 %: 1,000,000 x (1425 x 61 = 86,925) / 3,650,000 = 23,815.0685
    #     -> 23,815 c
    #   23,815 + 4,000 = 27,815 c
    (22, "IO-04", "iosmart", 61, 1_000_000, 23_815, 4_000, 27_815, 27_815),
    # row 23, IO-05 (ioSmart): 5 000,00 EUR, invoiced 31/10/2023, due 30/11/2023, paid 31/01/2024:
    #   62 days late
    #   first day 2023-12-01: max(ECB in force 4.50 + 10, 3 x legal 12.66) = 14.50 %, fixed for
    #     the delay
    #   as written: 12-01..12-31 31 d at 14.50 %, 01-01..01-31 31 d at 14.50 %: 500,000 x (1450 x
    #     31 + 1450 x 31 = 89,900) / 3,650,000 = 12,315.0685 -> 12,315 c
    #   lawful (floor): 12-01..12-31 31 d at 14.50 %, 01-01..01-31 31 d at 15.21 %: 500,000 x
    #     (1450 x 31 + 1521 x 31 = 92,101) / 3,650,000 = 12,616.5753 -> 12,617 c
    #   12,617 + 4,000 = 16,617 c; as written 12,315 + 4,000 = 16,315 c (the floor bites)
    (23, "IO-05", "iosmart", 62, 500_000, 12_617, 4_000, 16_617, 16_315),
    # row 24, IO-06 (iosmart): 3 000,00 EUR, invoiced 16/03/2025, due 15/04/2025, unpaid: to as_of
    #   30/06/2025: 76 days late
    #   first day 2025-04-16: max(ECB in force 2.65 + 10, 3 x legal 11.13) = 12.65 %, fixed for
    #     the delay
    #   04-16..06-30 76 d at 12.65 %: 300,000 x (1265 x 76 = 96,140) / 3,650,000 = 7,901.9178 ->
    #     7,902 c
    #   7,902 + 4,000 = 11,902 c
    (24, "IO-06", "iosmart", 76, 300_000, 7_902, 4_000, 11_902, 11_902),
    # row 25, IO-07 (ioSmart): 450,00 EUR, invoiced 31/08/2024, due 30/09/2024, paid 15/09/2024
    #   paid on or before the due date: 0
    #   0 + 0 = 0 c
    (25, "IO-07", "iosmart", 0, 45_000, 0, 0, 0, 0),
    # row 26, IO-08 (ioSmart): 2 750,00 EUR, invoiced 20/08/2022, due 19/09/2022, paid 19/10/2022:
    #   30 days late
    #   first day 2022-09-20: max(ECB in force 1.25 + 10, 3 x legal 2.31) = 11.25 %, fixed for the
    #     delay
    #   09-20..10-19 30 d at 11.25 %: 275,000 x (1125 x 30 = 33,750) / 3,650,000 = 2,542.8082 ->
    #     2,543 c
    #   2,543 + 4,000 = 6,543 c
    (26, "IO-08", "iosmart", 30, 275_000, 2_543, 4_000, 6_543, 6_543),
    # ------------------------------------------------------------------------------------------
    # Teogest art. 14.6: legal rate + 3 points; default reading « day_31_semester »: the delay runs
    # from day 31 after issue (or the day after the due date if later), each semester at its legal
    # rate; lawful: the floor 3 x legal wherever higher; 40 EUR per invoice paid after its due date.
    # row 27, T-01 (Teogest): 10 000,00 EUR, invoiced 01/06/2023, due 01/06/2023, paid 30/07/2023:
    #   59 days late
    #   as written: 07-02..07-30 29 d at 7.22 %: 1,000,000 x (722 x 29 = 20,938) / 3,650,000 =
    #     5,736.4384 -> 5,736 c
    #   lawful (floor): 07-02..07-30 29 d at 12.66 %: 1,000,000 x (1266 x 29 = 36,714) / 3,650,000
    #     = 10,058.6301 -> 10,059 c
    #   10,059 + 4,000 = 14,059 c; as written 5,736 + 4,000 = 9,736 c (the floor bites)
    (27, "T-01", "teogest", 59, 1_000_000, 10_059, 4_000, 14_059, 9_736),
    # row 28, T-02 (Teogest): 1 000,00 EUR, invoiced 15/05/2023, due 15/05/2023, paid 10/07/2023:
    #   56 days late
    #   as written: 06-15..06-30 16 d at 5.06 %, 07-01..07-10 10 d at 7.22 %: 100,000 x (506 x 16
    #     + 722 x 10 = 15,316) / 3,650,000 = 419.6164 -> 420 c
    #   lawful (floor): 06-15..06-30 16 d at 6.18 %, 07-01..07-10 10 d at 12.66 %: 100,000 x (618
    #     x 16 + 1266 x 10 = 22,548) / 3,650,000 = 617.7534 -> 618 c
    #   618 + 4,000 = 4,618 c; as written 420 + 4,000 = 4,420 c (the floor bites)
    (28, "T-02", "teogest", 56, 100_000, 618, 4_000, 4_618, 4_420),
    # row 29, T-03 (Teogest): 10 000,00 EUR, invoiced 01/06/2023, due 01/06/2023, paid 20/06/2023:
    #   19 days late
    #   day 31 after issue = 2023-07-02 is after the payment: no day of delay; paid 19 days after
    #     the due date: indemnity only
    #   0 + 4,000 = 4,000 c
    (29, "T-03", "teogest", 19, 1_000_000, 0, 4_000, 4_000, 4_000),
    # row 30, T-04 (TEOGEST): 5 000,00 EUR, invoiced 01/03/2022, due 01/03/2022, paid 30/05/2022:
    #   90 days late
    #   04-01..05-30 60 d at 3.76 %: 500,000 x (376 x 60 = 22,560) / 3,650,000 = 3,090.4110 ->
    #     3,090 c
    #   3,090 + 4,000 = 7,090 c
    (30, "T-04", "teogest", 90, 500_000, 3_090, 4_000, 7_090, 7_090),
    # row 31, T-05 (Teogest): 12 500,00 EUR, invoiced 02/05/2025, due 02/05/2025, unpaid: to as_of
    #   30/06/2025: 59 days late
    #   as written: 06-02..06-30 29 d at 6.71 %: 1,250,000 x (671 x 29 = 19,459) / 3,650,000 =
    #     6,664.0411 -> 6,664 c
    #   lawful (floor): 06-02..06-30 29 d at 11.13 %: 1,250,000 x (1113 x 29 = 32,277) / 3,650,000
    #     = 11,053.7671 -> 11,054 c
    #   11,054 + 4,000 = 15,054 c; as written 6,664 + 4,000 = 10,664 c (the floor bites)
    (31, "T-05", "teogest", 59, 1_250_000, 11_054, 4_000, 15_054, 10_664),
    # row 32, T-06 (Teogest): 2 000,00 EUR, invoiced 15/11/2023, due 15/11/2023, paid 15/02/2024:
    #   92 days late
    #   as written: 12-16..12-31 16 d at 7.22 %, 01-01..02-15 46 d at 8.07 %: 200,000 x (722 x 16
    #     + 807 x 46 = 48,674) / 3,650,000 = 2,667.0685 -> 2,667 c
    #   lawful (floor): 12-16..12-31 16 d at 12.66 %, 01-01..02-15 46 d at 15.21 %: 200,000 x
    #     (1266 x 16 + 1521 x 46 = 90,222) / 3,650,000 = 4,943.6712 -> 4,944 c
    #   4,944 + 4,000 = 8,944 c; as written 2,667 + 4,000 = 6,667 c (the floor bites)
    (32, "T-06", "teogest", 92, 200_000, 4_944, 4_000, 8_944, 6_667),
    # row 33, T-07 (Teogest): 349,90 EUR, invoiced 01/02/2024, due 05/02/2024, paid 01/03/2024: 25
    #   days late
    #   day 31 after issue = 2024-03-03 is after the payment: no day of delay; paid 25 days after
    #     the due date: indemnity only
    #   0 + 4,000 = 4,000 c
    (33, "T-07", "teogest", 25, 34_990, 0, 4_000, 4_000, 4_000),
    # ------------------------------------------------------------------------------------------
    # Leappy art. 4: 2 x the legal rate in force at the invoice date, fixed; default reading «
    # after_formal_notice » (same figures as « without_notice »); lawful: the floor semester by
    # semester; the terms omit the indemnity: D441-5's 40 EUR.
    # row 34, LP-01 (Leappy SAS): 10 000,00 EUR, invoiced 20/06/2023, due 20/06/2023, paid
    #   19/08/2023: 60 days late
    #   invoice 2023-06-20: 2 x legal 2.06 = 4.12 %, fixed
    #   as written: 06-21..06-30 10 d at 4.12 %, 07-01..08-19 50 d at 4.12 %: 1,000,000 x (412 x
    #     10 + 412 x 50 = 24,720) / 3,650,000 = 6,772.6027 -> 6,773 c
    #   lawful (floor): 06-21..06-30 10 d at 6.18 %, 07-01..08-19 50 d at 12.66 %: 1,000,000 x
    #     (618 x 10 + 1266 x 50 = 69,480) / 3,650,000 = 19,035.6164 -> 19,036 c
    #   19,036 + 4,000 = 23,036 c; as written 6,773 + 4,000 = 10,773 c (the floor bites)
    (34, "LP-01", "leappy", 60, 1_000_000, 19_036, 4_000, 23_036, 10_773),
    # row 35, LP-02 (Leappy): 8 000,00 EUR, invoiced 01/02/2022, due 01/03/2022, paid 31/03/2022:
    #   30 days late
    #   invoice 2022-02-01: 2 x legal 0.76 = 1.52 %, fixed
    #   as written: 03-02..03-31 30 d at 1.52 %: 800,000 x (152 x 30 = 4,560) / 3,650,000 =
    #     999.4521 -> 999 c
    #   lawful (floor): 03-02..03-31 30 d at 2.28 %: 800,000 x (228 x 30 = 6,840) / 3,650,000 =
    #     1,499.1781 -> 1,499 c
    #   1,499 + 4,000 = 5,499 c; as written 999 + 4,000 = 4,999 c (the floor bites)
    (35, "LP-02", "leappy", 30, 800_000, 1_499, 4_000, 5_499, 4_999),
    # row 36, LP-03 (Leappy SAS): 6 000,00 EUR, invoiced 01/10/2024, due 31/10/2024, paid
    #   30/10/2024
    #   paid on or before the due date: 0
    #   0 + 0 = 0 c
    (36, "LP-03", "leappy", 0, 600_000, 0, 0, 0, 0),
    # row 37, LP-04 (leappy): 1 500,00 EUR, invoiced 01/04/2025, due 01/04/2025, unpaid: to as_of
    #   30/06/2025: 90 days late
    #   invoice 2025-04-01: 2 x legal 3.71 = 7.42 %, fixed
    #   as written: 04-02..06-30 90 d at 7.42 %: 150,000 x (742 x 90 = 66,780) / 3,650,000 =
    #     2,744.3836 -> 2,744 c
    #   lawful (floor): 04-02..06-30 90 d at 11.13 %: 150,000 x (1113 x 90 = 100,170) / 3,650,000
    #     = 4,116.5753 -> 4,117 c
    #   4,117 + 4,000 = 8,117 c; as written 2,744 + 4,000 = 6,744 c (the floor bites)
    (37, "LP-04", "leappy", 90, 150_000, 4_117, 4_000, 8_117, 6_744),
    # row 38, LP-05 (Leappy SAS): 3 210,00 EUR, invoiced 15/05/2024, due 14/06/2024, paid
    #   13/08/2024: 60 days late
    #   invoice 2024-05-15: 2 x legal 5.07 = 10.14 %, fixed
    #   as written: 06-15..06-30 16 d at 10.14 %, 07-01..08-13 44 d at 10.14 %: 321,000 x (1014 x
    #     16 + 1014 x 44 = 60,840) / 3,650,000 = 5,350.5863 -> 5,351 c
    #   lawful (floor): 06-15..06-30 16 d at 15.21 %, 07-01..08-13 44 d at 14.76 %: 321,000 x
    #     (1521 x 16 + 1476 x 44 = 89,280) / 3,650,000 = 7,851.7479 -> 7,852 c
    #   7,852 + 4,000 = 11,852 c; as written 5,351 + 4,000 = 9,351 c (the floor bites)
    (38, "LP-05", "leappy", 60, 321_000, 7_852, 4_000, 11_852, 9_351),
    # row 39, LP-06 (Leappy SAS): 2 222,22 EUR, invoiced 02/12/2024, due 02/12/2024, paid
    #   31/01/2025: 60 days late
    #   invoice 2024-12-02: 2 x legal 4.92 = 9.84 %, fixed
    #   as written: 12-03..12-31 29 d at 9.84 %, 01-01..01-31 31 d at 9.84 %: 222,222 x (984 x 29
    #     + 984 x 31 = 59,040) / 3,650,000 = 3,594.5170 -> 3,595 c
    #   lawful (floor): 12-03..12-31 29 d at 14.76 %, 01-01..01-31 31 d at 11.13 %: 222,222 x
    #     (1476 x 29 + 1113 x 31 = 77,307) / 3,650,000 = 4,706.6620 -> 4,707 c
    #   4,707 + 4,000 = 8,707 c; as written 3,595 + 4,000 = 7,595 c (the floor bites)
    (39, "LP-06", "leappy", 60, 222_222, 4_707, 4_000, 8_707, 7_595),
    # ------------------------------------------------------------------------------------------
    # Michaël GOUT art. 6: 3 x the legal rate in force at the invoice date, fixed; lawful: the floor
    # of each semester of the delay; indemnity named without an amount: D441-5's 40 EUR.
    # row 40, G-01 (Michaël GOUT): 10 000,00 EUR, invoiced 15/12/2023, due 14/01/2024, paid
    #   14/03/2024: 60 days late
    #   invoice 2023-12-15: 3 x legal 4.22 = 12.66 %, fixed
    #   as written: 01-15..03-14 60 d at 12.66 %: 1,000,000 x (1266 x 60 = 75,960) / 3,650,000 =
    #     20,810.9589 -> 20,811 c
    #   lawful (floor): 01-15..03-14 60 d at 15.21 %: 1,000,000 x (1521 x 60 = 91,260) / 3,650,000
    #     = 25,002.7397 -> 25,003 c
    #   25,003 + 4,000 = 29,003 c; as written 20,811 + 4,000 = 24,811 c (the floor bites)
    (40, "G-01", "gout", 60, 1_000_000, 25_003, 4_000, 29_003, 24_811),
    # row 41, G-02 (Michael Gout): 1 800,00 EUR, invoiced 15/06/2024, due 15/07/2024, paid
    #   14/08/2024: 30 days late
    #   invoice 2024-06-15: 3 x legal 5.07 = 15.21 %, fixed
    #   07-16..08-14 30 d at 15.21 %: 180,000 x (1521 x 30 = 45,630) / 3,650,000 = 2,250.2466 ->
    #     2,250 c
    #   2,250 + 4,000 = 6,250 c
    (41, "G-02", "gout", 30, 180_000, 2_250, 4_000, 6_250, 6_250),
    # row 42, G-03 (Michaël GOUT): 640,00 EUR, invoiced 02/12/2024, due 01/01/2025, paid
    #   31/01/2025: 30 days late
    #   invoice 2024-12-02: 3 x legal 4.92 = 14.76 %, fixed
    #   01-02..01-31 30 d at 14.76 %: 64,000 x (1476 x 30 = 44,280) / 3,650,000 = 776.4164 -> 776
    #     c
    #   776 + 4,000 = 4,776 c
    (42, "G-03", "gout", 30, 64_000, 776, 4_000, 4_776, 4_776),
    # row 43, G-04 (Michaël GOUT): 950,00 EUR, invoiced 15/03/2025, due 14/04/2025, unpaid: to
    #   as_of 30/06/2025: 77 days late
    #   invoice 2025-03-15: 3 x legal 3.71 = 11.13 %, fixed
    #   04-15..06-30 77 d at 11.13 %: 95,000 x (1113 x 77 = 85,701) / 3,650,000 = 2,230.5740 ->
    #     2,231 c
    #   2,231 + 4,000 = 6,231 c
    (43, "G-04", "gout", 77, 95_000, 2_231, 4_000, 6_231, 6_231),
    # row 44, G-05 (gout): 1 200,00 EUR, invoiced 01/09/2024, due 01/10/2024, paid 01/10/2024
    #   paid on or before the due date: 0
    #   0 + 0 = 0 c
    (44, "G-05", "gout", 0, 120_000, 0, 0, 0, 0),
    # row 45, G-06 (Michaël GOUT): 4 321,09 EUR, invoiced 15/05/2023, due 14/06/2023, paid
    #   14/07/2023: 30 days late
    #   invoice 2023-05-15: 3 x legal 2.06 = 6.18 %, fixed
    #   as written: 06-15..06-30 16 d at 6.18 %, 07-01..07-14 14 d at 6.18 %: 432,109 x (618 x 16
    #     + 618 x 14 = 18,540) / 3,650,000 = 2,194.8769 -> 2,195 c
    #   lawful (floor): 06-15..06-30 16 d at 6.18 %, 07-01..07-14 14 d at 12.66 %: 432,109 x (618
    #     x 16 + 1266 x 14 = 27,612) / 3,650,000 = 3,268.8750 -> 3,269 c
    #   3,269 + 4,000 = 7,269 c; as written 2,195 + 4,000 = 6,195 c (the floor bites)
    (45, "G-06", "gout", 30, 432_109, 3_269, 4_000, 7_269, 6_195),

]


@pytest.fixture(scope="module")
def result():
    return ledger.ledger_claims(ledger.read_ledger(FIXTURE), as_of=AS_OF, lang="en")


@pytest.fixture(scope="module")
def by_row(result):
    return result.invoices.set_index("row")


def test_every_row_is_read_and_accepted(result):
    # 44 data lines (rows 2..45), all valid: nothing rejected
    assert result.rows_read == 44
    assert result.accepted == 44
    assert result.rejected_count == 0
    assert len(result.rejected) == 0
    assert len(result.invoices) == 44
    assert sorted(result.invoices["row"]) == list(range(2, 46))
    assert result.as_of == AS_OF


def test_the_ledger_as_read():
    book = ledger.read_ledger(FIXTURE)
    assert book.rows_read == 44
    assert book.amount_basis == "HT"  # « Montant HT »
    assert len(book.rejected) == 0
    frame = book.frame.set_index("row")
    # thousands grouped by a plain space (row 2), a no-break space (row 16), narrow no-break
    # spaces (row 10); a decimal comma without thousands (row 8)
    assert frame.loc[[2, 16, 10, 8], "amount_cents"].tolist() == [
        1_000_000, 1_234_567, 125_000_000, 1_460]
    # 15/03/2024-style dates; an empty « Payée le » is unpaid (NaT)
    assert frame.loc[2, "due"] == pd.Timestamp("2023-06-15")
    assert frame.loc[2, "invoice_date"] == pd.Timestamp("2023-05-16")
    assert frame.loc[7, "paid"] is pd.NaT or pd.isna(frame.loc[7, "paid"])


@pytest.mark.parametrize(
    ("row", "invoice", "vendor", "days_late", "amount", "interest", "indemnity", "total",
     "as_written"),
    EXPECTED,
    ids=[e[1] for e in EXPECTED],
)
def test_each_row_by_hand(by_row, row, invoice, vendor, days_late, amount, interest, indemnity,
                          total, as_written):
    got = by_row.loc[row]
    assert got["invoice"] == invoice
    assert got["vendor"] == vendor
    assert got["amount_cents"] == amount
    assert got["unpaid"] == (invoice in UNPAID)
    assert got["days_late"] == days_late
    assert got["interest_cents"] == interest
    assert got["indemnity_cents"] == indemnity
    assert got["total_cents"] == total
    assert got["as_written_total_cents"] == as_written


def test_unpaid_rows_are_counted_to_as_of(by_row):
    unpaid = by_row[by_row["unpaid"]]
    assert set(unpaid["invoice"]) == UNPAID
    assert unpaid["paid"].isna().all()
    # J-07 (row 17) falls due on 10/07/2025, after as_of: not late, nothing due
    assert by_row.loc[17, "days_late"] == 0 and by_row.loc[17, "total_cents"] == 0
    paid = by_row[~by_row["unpaid"]]
    assert paid["paid"].notna().all()
    assert pd.Timestamp(by_row.loc[2, "paid"]) == pd.Timestamp("2023-07-30")


def test_invoices_largest_first(result):
    totals = result.invoices["total_cents"].tolist()
    assert totals == sorted(totals, reverse=True)
    # F-L09: 1 400 062 c; J-06: 251 590 c; J-01: 151 945 c
    assert result.invoices["invoice"].head(3).tolist() == ["F-L09", "J-06", "J-01"]


def test_vendor_ids_and_names(by_row):
    # « Loi » and « L441-10 » are the statutory terms; « Michael Gout » without its accent is
    # GOUT; « Leappy SAS » and « leappy » are Leappy
    assert by_row.loc[[2, 4], "vendor"].tolist() == ["statutory", "statutory"]
    assert by_row.loc[41, "vendor"] == "gout" and by_row.loc[41, "vendor_name"] == "Michaël GOUT"
    assert by_row.loc[[34, 37], "vendor"].tolist() == ["leappy", "leappy"]
    assert by_row.loc[11, "vendor_name"] == "JANQUOR"


def test_default_readings(by_row):
    # the default reading each vendor file records (ambiguity.default), floor applied
    assert by_row.loc[11, "reading"] == "prorata"  # janquor.yaml
    assert by_row.loc[19, "reading"] == "ecb_on_delay_start"  # iosmart.yaml
    assert by_row.loc[27, "reading"] == "day_31_semester"  # teogest.yaml
    assert by_row.loc[34, "reading"] == "after_formal_notice"  # leappy.yaml


# By vendor, summed by hand from the rows above (totals of the late rows; the others are 0):
BY_VENDOR = {
    # statutory: 9 rows (2-10), 7 late (not F-L04, F-L05)
    #   interest 16,644 + 2,845 + 9,897 + 4,047 + 1 + 59,691 + 1,396,062 = 1,489,187
    #   total 20,644 + 6,845 + 13,897 + 8,047 + 4,001 + 63,691 + 1,400,062 = 1,517,187
    #   (no floor for the law's own terms: as written = total)
    "statutory": (9, 7, 1_489_187, 28_000, 1_517_187, 1_517_187),
    # janquor: 8 rows (11-18), 6 late (not J-04 paid early, J-07 not due)
    #   interest 147,945 + 3,288 + 9,863 + 40,241 + 247,590 + 82,192 = 531,119
    #   total 151,945 + 7,288 + 13,863 + 44,241 + 251,590 + 86,192 = 555,119
    "janquor": (8, 6, 531_119, 24_000, 555_119, 555_119),
    # iosmart: 8 rows (19-26), 7 late (not IO-07)
    #   interest 16,438 + 12,501 + 16,952 + 23,815 + 12,617 + 7,902 + 2,543 = 92,768
    #   total 20,438 + 16,501 + 20,952 + 27,815 + 16,617 + 11,902 + 6,543 = 120,768
    #   as written: IO-05 16,315 instead of 16,617: 120,768 - 302 = 120,466
    "iosmart": (8, 7, 92_768, 28_000, 120_768, 120_466),
    # teogest: 7 rows (27-33), all 7 paid after their due date (T-03, T-07: indemnity only)
    #   interest 10,059 + 618 + 0 + 3,090 + 11,054 + 4,944 + 0 = 29,765
    #   total 14,059 + 4,618 + 4,000 + 7,090 + 15,054 + 8,944 + 4,000 = 57,765
    #   as written 9,736 + 4,420 + 4,000 + 7,090 + 10,664 + 6,667 + 4,000 = 46,577
    "teogest": (7, 7, 29_765, 28_000, 57_765, 46_577),
    # leappy: 6 rows (34-39), 5 late (not LP-03)
    #   interest 19,036 + 1,499 + 4,117 + 7,852 + 4,707 = 37,211
    #   total 23,036 + 5,499 + 8,117 + 11,852 + 8,707 = 57,211
    #   as written 10,773 + 4,999 + 6,744 + 9,351 + 7,595 = 39,462
    "leappy": (6, 5, 37_211, 20_000, 57_211, 39_462),
    # gout: 6 rows (40-45), 5 late (not G-05, paid on the due date)
    #   interest 25,003 + 2,250 + 776 + 2,231 + 3,269 = 33,529
    #   total 29,003 + 6,250 + 4,776 + 6,231 + 7,269 = 53,529
    #   as written 24,811 + 6,250 + 4,776 + 6,231 + 6,195 = 48,263
    "gout": (6, 5, 33_529, 20_000, 53_529, 48_263),
}
COLUMNS = ["invoices", "late_invoices", "interest_cents", "indemnity_cents", "total_cents",
           "as_written_total_cents"]


def test_by_vendor(result):
    table = result.by_vendor
    assert sorted(table.index) == sorted(BY_VENDOR)
    for vendor, expected in BY_VENDOR.items():
        assert [int(table.loc[vendor, c]) for c in COLUMNS] == list(expected), vendor


def test_grand_totals(result):
    # 1,517,187 + 555,119 + 120,768 + 57,765 + 57,211 + 53,529 = 2,361,579 c
    # as written: 1,517,187 + 555,119 + 120,466 + 46,577 + 39,462 + 48,263 = 2,327,074 c
    # indemnities: 37 late invoices x 4,000 = 148,000 c
    assert int(result.invoices["total_cents"].sum()) == 2_361_579
    assert int(result.invoices["as_written_total_cents"].sum()) == 2_327_074
    assert int(result.invoices["indemnity_cents"].sum()) == 148_000
    assert int(result.by_vendor["total_cents"].sum()) == 2_361_579


def test_by_month(result):
    months = result.by_month
    assert int(months["total_cents"].sum()) == 2_361_579
    assert int(months["invoices"].sum()) == 44
    cell = months[(months["vendor"] == "statutory")
                  & (months["month"] == pd.Timestamp("2023-06-01"))]
    # F-L01, due 15/06/2023, alone in June 2023: 20,644 c
    assert cell[["invoices", "total_cents"]].values.tolist() == [[1, 20_644]]
    cell = months[(months["vendor"] == "teogest")
                  & (months["month"] == pd.Timestamp("2023-06-01"))]
    # T-01 and T-03, both due 01/06/2023: 14,059 + 4,000 = 18,059 c
    assert cell[["invoices", "total_cents"]].values.tolist() == [[2, 18_059]]


def test_explain_names_the_rule_and_readings(result):
    text = result.explain()
    assert "L441-10" in text
    assert "prorata" in text or "pro rata" in text


# --- every row's figure is its own: any subset of the ledger, in any order, gives the same -----

BY_INVOICE = {e[1]: e for e in EXPECTED}
CELLS = pd.read_csv(FIXTURE, sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(range(len(CELLS))), size=st.integers(1, len(CELLS)))
def test_any_subset_in_any_order_gives_the_hand_worked_figures(order, size):
    # the cells of the fixture (a DataFrame of text, as read_ledger accepts it), some rows
    # in a shuffled order: each invoice's figures are still the literals above
    picked = CELLS.iloc[list(order[:size])].reset_index(drop=True)
    result = ledger.ledger_claims(ledger.read_ledger(picked), as_of=AS_OF)
    assert (result.rows_read, result.accepted, result.rejected_count) == (size, size, 0)
    for r in result.invoices.itertuples():
        _, _, vendor, days_late, amount, interest, indemnity, total, as_written = BY_INVOICE[
            r.invoice]
        assert (r.vendor, r.days_late, r.amount_cents, r.interest_cents, r.indemnity_cents,
                r.total_cents, r.as_written_total_cents) == (
            vendor, days_late, amount, interest, indemnity, total, as_written)
    assert int(result.invoices["total_cents"].sum()) == sum(
        BY_INVOICE[i][7] for i in picked["N° de facture"])
