{#- Báo cáo: a progress report derived from the plan named by `ke_hoach` in the record.
    Counts (where the record inserts `chen = "ket-qua"`), rates and the change list are
    computed from the plan's dated progress entries as of `tinh_den`; components come from
    chung.vb. -#}
{% if ke_hoach %}
@p Thực hiện {{ ke_hoach.loai }} số {{ ke_hoach.so_ky_hieu }} {{ ke_hoach.ngay }} của {{ ke_hoach.co_quan }} về {{ ke_hoach.trich_yeu_thuong }}, {{ co_quan.ten }} báo cáo kết quả thực hiện{% if tinh_den %} (số liệu cập nhật đến ngày {{ tinh_den }}){% endif %} như sau:
{% endif %}
{{ <noi_dung blocks={mo_dau} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} tong_hop={tong_hop} /> }}
{{ <cac_phan phan={phan} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} tong_hop={tong_hop} /> }}
{% if phu_luc %}
@note (Chi tiết tại Phụ lục kèm theo)
{% endif %}
{{ <noi_dung blocks={ket_thuc} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} tong_hop={tong_hop} /> }}
