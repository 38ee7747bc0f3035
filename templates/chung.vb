{#- Shared pieces of the body templates, as Tera 2 components:
    `noi_dung` renders a list of body blocks, `cac_phan` the numbered sections I. → 1. → a).
    Any template may use them: {{ <cac_phan phan={phan} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} tong_hop={tong_hop} /> }} -#}

{% component noi_dung(blocks, tieu_chi, tong, khac_phuc, tong_hop=none) %}
{% for b in blocks %}
{% if b.kieu == "doan" %}
@p {{ b.noi_dung | emphasis }}
{% elif b.kieu == "-" %}
@- {{ b.noi_dung | emphasis }}
{% elif b.kieu == "+" %}
@+ {{ b.noi_dung | emphasis }}
{% elif b.kieu == "ghi_chu" %}
@note {{ b.noi_dung }}
{% elif b.noi_dung == "bang-diem" %}
{#- The score table: computed from tieu_chi, never typed. -#}
@table ~7 ~53 13 14 13
@row header
@cell center bold | TT
@cell center bold | Nội dung
@cell center bold | Điểm tối đa
@cell center bold | Điểm thẩm định
@cell center bold | Ghi chú
{% for c in tieu_chi %}
{% if c.hang == "tieu-chi" %}
@row
{% else %}
@row group
{% endif %}
@cell center | {{ c.ma or c.stt }}
@cell | {% if c.hang == "linh-vuc" %}{{ c.ten_hoa }}{% else %}{{ c.ten }}{% endif %}
@cell center | {{ c.diem_toi_da }}
@cell center | {{ c.diem_dat }}
@cell center | {{ c.diem_mat }}
{% endfor %}
{% if tong %}
@row total
@cell center bold | 
@cell center bold | Tổng cộng
@cell center bold | {{ tong.diem_toi_da }}
@cell center bold | {{ tong.diem_dat }}
@cell center bold | {{ tong.diem_mat }}
{% endif %}
@end
{% elif b.noi_dung == "khac-phuc" %}
{#- One sub-section per remedy: one loop, not typed once per criterion. -#}
{% for k in khac_phuc %}
@sub {{ k.tieu_de }}
{% if k.ton_tai %}
@- Tồn tại: {{ k.ton_tai }}
{% elif k.chi_tiet %}
@- Tồn tại:
{% for t in k.chi_tiet %}
@+ {{ t }}
{% endfor %}
{% endif %}
{% for g in k.giai_phap %}
@- Nhiệm vụ, giải pháp khắc phục: {{ g }}
{% endfor %}
{% if k.chu_tri %}
@+ {{ k.nhan_chu_tri }}: {{ k.chu_tri | ket }}
{% endif %}
{% if k.phoi_hop %}
@+ {{ k.nhan_phoi_hop }}: {{ k.phoi_hop | ket }}
{% endif %}
{% if k.thoi_gian %}
@+ Thời gian thực hiện: {{ k.thoi_gian | ket }}
{% endif %}
{% endfor %}
{% elif b.noi_dung == "ket-qua" and tong_hop %}
{#- A report's progress counts, as of its date; every count in one form ("06"). -#}
@p Tổng số nhiệm vụ, giải pháp khắc phục: {{ tong_hop.chung.tong }}; trong đó:
@- Đã hoàn thành: {{ tong_hop.chung.ty_le_hoan_thanh }};
@- Đang thực hiện: {{ tong_hop.chung.dang_thuc_hien }};
@- Chưa thực hiện: {{ tong_hop.chung.chua_thuc_hien }};
@- Không thể thực hiện: {{ tong_hop.chung.khong_the_thuc_hien }}.
{% for g in tong_hop.theo_nhom %}
@+ {{ g.ten }}: đã hoàn thành {{ g.so_lieu.ty_le_hoan_thanh }} nhiệm vụ.
{% endfor %}
{% if tong_hop.thay_doi %}
@p Những thay đổi từ ngày {{ tong_hop.thay_doi_tu }}:
{% for c in tong_hop.thay_doi %}
{% if c.truoc %}
@- {{ c.ten }}: {{ c.sau or "chưa cập nhật" }} (trước đây: {{ c.truoc | ket(dau=")") }}{% if loop.last %}.{% else %};{% endif %}
{% elif loop.last %}
@- {{ c.ten }}: {{ (c.sau or "chưa cập nhật") | ket }}
{% else %}
@- {{ c.ten }}: {{ (c.sau or "chưa cập nhật") | ket(dau=";") }}
{% endif %}
{% endfor %}
{% endif %}
{% endif %}
{% endfor %}
{% endcomponent noi_dung %}

{% component cac_phan(phan, tieu_chi, tong, khac_phuc, tong_hop=none) %}
{% for s in phan %}
@h1 {{ s.tieu_de }}
{{ <noi_dung blocks={s.noi_dung} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} tong_hop={tong_hop} /> }}
{% for m in s.muc %}
{% if m.tieu_de %}
@h2 {{ m.tieu_de }}
{{ <noi_dung blocks={m.noi_dung} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} tong_hop={tong_hop} /> }}
{% else %}
{% for b in m.noi_dung %}
{% if loop.first %}
@k {{ b.noi_dung | emphasis }}
{% else %}
@p {{ b.noi_dung | emphasis }}
{% endif %}
{% endfor %}
{% endif %}
{% for d in m.muc %}
@h3 {{ d.tieu_de }}
{{ <noi_dung blocks={d.noi_dung} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} tong_hop={tong_hop} /> }}
{% endfor %}
{% endfor %}
{% endfor %}
{% endcomponent cac_phan %}
