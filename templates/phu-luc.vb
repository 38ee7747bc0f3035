{#- Phụ lục: the table of one appendix, in vanban block markup.
    The heading lines ("Phụ lục I", the title, "(Kèm theo …)") are laid out by vanban;
    `pl` is the appendix: columns `cot`, computed rows `dong` with their cells `o`. -#}
@table {{ pl.rong }}
@row header
{% for c in pl.cot %}
@cell center | {{ c.tieu_de }}{% if c.dong_hai %}\n*{{ c.dong_hai }}*{% endif %}

{% endfor %}
{% if pl.danh_so_cot %}
@row header
{% for c in pl.cot %}
@cell center | ({{ loop.index }})
{% endfor %}
{% endif %}
{% for r in pl.dong %}
@row {{ r.kieu }}
{% for o in r.o %}
@cell {{ o.can }}{% if o.dam %} bold{% endif %}{% if o.span > 1 %} span={{ o.span }}{% endif %}{% if o.gop %} {{ o.gop }}{% endif %} | {{ o.noi_dung }}
{% endfor %}
{% endfor %}
@end
