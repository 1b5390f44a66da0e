"""Contract arithmetic: pure functions of a vendor's terms and a scenario (layer 4).

Where each computation of the clause checklist (DESIGN.md) lives:

============================================  =====================================================
checklist item                                entry point
============================================  =====================================================
late penalties (every vendor, statutory)      ``late_payment``, ``late_payment_frame``
statutory rate, floor (L441-10)               ``statutory_late_rate``, ``minimum_late_rate``
recovery indemnity (40 EUR)                   ``late_payment`` (``indemnity``)
payment terms, due dates, debit day           ``time_limit`` for stated delays; the due date is
                                              an input of ``late_payment`` (Teogest's day 31 is a
                                              reading of its clause)
SLA downtime table, unavailability, credits   ``sla_downtime``, ``unavailability``, ``sla_credit``
notice, renewal, exit date, exit billing      ``exit_plan``, ``renewal_deadlines``,
                                              ``early_exit`` (ending midway a period)
price revision (Syntec, ±3 %, 9 % margin)     ``revise_price``, ``price_path``
minimum billing, management fee, VAT          ``minimum_billing``, ``management_fee``, ``vat``
time and materials, urgency, half-hours       ``time_and_materials``
deposits, GOUT's monthly 5 % surcharge        ``deposit``, ``overrun_surcharge``
cancellation schedules (training, 48 h)       ``cancellation_fee``
liability caps                                ``liability_cap``
recruitment fee, non-solicitation penalty     ``recruitment_fee``, ``non_solicitation_penalty``
claim, contest, cure, audit, data, FM windows ``time_limit``, ``time_limits``
============================================  =====================================================

Items that are limits rather than computations (an amendment above 200 EUR, five call-backs a
day, one audit a year) are in ``vendor.limits`` and shown by the comparison.
"""
